// The building blocks every resource's schemas share. TypeBox is the one schema library: Fastify
// validates with it, TypeScript infers from it (`Static<typeof X>`), @fastify/swagger turns it
// into the OpenAPI document, and the web takes its types from it (type-only imports).
import { Type, type TSchema } from '@sinclair/typebox';

export const Uuid = Type.String({ format: 'uuid' });
export const IsoTime = Type.String({ format: 'date-time' });
export const Ok = Type.Object({ ok: Type.Literal(true) });
export const Empty = Type.Object({}, { additionalProperties: false });
/** A body that may be left out, or be `{}`. */
export const NoBody = Type.Optional(Empty);
export const NullableString = Type.Union([Type.String(), Type.Null()]);

/** Text that must hold something other than spaces. */
export function Text(maxLength: number, minLength = 1) {
  return Type.String({ minLength, maxLength, pattern: minLength > 0 ? '\\S' : undefined });
}

/**
 * What a name may not hold: NUL and the other C0 and C1 control characters (so CR, LF, tab and
 * the ESC that starts an ANSI escape), DEL, the line and paragraph separators, and the bidi
 * embeddings, overrides and isolates (U+202A–202E, U+2066–2069) that make a name read
 * differently from how it is stored.
 */
export const NOT_PLAIN_TEXT = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
/** The JSON-schema format a name carries; the server's validator knows it (rule `plainText`). */
export const PLAIN_TEXT_FORMAT = 'plain-text';
export function isPlainText(value: string): boolean {
  return !NOT_PLAIN_TEXT.test(value);
}

/**
 * A name a person reads (a display name, a community's or a token's name, who a concern is
 * about): plain text on one line, without control characters or bidi overrides. With
 * `minLength` 0 it may be left empty; otherwise it must hold something other than spaces.
 */
export function PlainName(maxLength: number, minLength = 1) {
  return Type.String({
    minLength,
    maxLength,
    pattern: minLength > 0 ? '\\S' : undefined,
    format: PLAIN_TEXT_FORMAT,
  });
}

/** One value of a fixed set from the vocabulary (an `anyOf` of consts in the OpenAPI document). */
export function Enum<const T extends readonly string[]>(values: T, description?: string) {
  return Type.Union(
    values.map((v) => Type.Literal(v)),
    description ? { description } : {},
  ) as unknown as TSchema & { static: T[number] };
}

/** A value, or null. */
export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

/** The longest text the language checker and the coaches take through the API. */
export const MAX_API_TEXT = 20_000;

export const CommunityParams = Type.Object({ communityId: Uuid });
export const ConcernParams = Type.Object({ communityId: Uuid, concernId: Uuid });
export const CallInParams = Type.Object({ communityId: Uuid, callInId: Uuid });
/** A private link's secret (consent, being called in). */
export const TokenParams = Type.Object({
  token: Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }),
});
