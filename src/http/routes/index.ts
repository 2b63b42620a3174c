import { allyBoardRoutes } from './ally-board.routes.ts';
import { authRoutes } from './auth.routes.ts';
import { callInRoutes } from './call-ins.routes.ts';
import { careRoutes } from './care.routes.ts';
import { consentRoutes } from './consent.routes.ts';
import { enforcementRoutes } from './enforcement.routes.ts';
import { memberRoutes } from './member.routes.ts';
import { communityRoutes } from './communities.routes.ts';
import { concernRoutes } from './concerns.routes.ts';
import { healthRoutes } from './health.routes.ts';
import { invitationRoutes } from './invitations.routes.ts';
import { languageRoutes } from './language.routes.ts';
import { noticeRoutes } from './notices.routes.ts';
import { privacyRoutes } from './privacy.routes.ts';
import { reporterRoutes } from './reporter.routes.ts';
import { triageRoutes } from './triage.routes.ts';
import type { RouteRegistrar } from './types.ts';

/** Every group of API routes, registered under /api. */
export const routes: RouteRegistrar[] = [
  healthRoutes,
  authRoutes,
  communityRoutes,
  invitationRoutes,
  concernRoutes,
  triageRoutes,
  allyBoardRoutes,
  consentRoutes,
  callInRoutes,
  memberRoutes,
  careRoutes,
  enforcementRoutes,
  privacyRoutes,
  languageRoutes,
  noticeRoutes,
  reporterRoutes,
];
