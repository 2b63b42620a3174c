import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { AppContext } from '../context.ts';

export type Api = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export type RouteRegistrar = (app: Api, ctx: AppContext) => void | Promise<void>;

type Security = { [label: string]: string[] }[];
export const signedIn: Security = [{ session: [] }, { token: [] }];
export const sessionOnly: Security = [{ session: [] }];
export const open: Security = [];

/** Rate limit for sign-in and public forms: per address, per minute. */
export function strictLimit(max: number) {
  return { rateLimit: { max, timeWindow: '1 minute' } };
}
