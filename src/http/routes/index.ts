import { authRoutes } from './auth.routes.ts';
import { communityRoutes } from './communities.routes.ts';
import { concernRoutes } from './concerns.routes.ts';
import { healthRoutes } from './health.routes.ts';
import { invitationRoutes } from './invitations.routes.ts';
import type { RouteRegistrar } from './types.ts';

/** Every group of API routes, registered under /api. */
export const routes: RouteRegistrar[] = [
  healthRoutes,
  authRoutes,
  communityRoutes,
  invitationRoutes,
  concernRoutes,
];
