// Schemas shared by many routes. One schema library (TypeBox) drives validation, the
// TypeScript types and the OpenAPI document.
import { Type, type TSchema } from '@sinclair/typebox';
export { ErrorBody } from '../contract/errors.ts';

export const Uuid = Type.String({ format: 'uuid' });
export const IsoTime = Type.String({ format: 'date-time' });
export const Ok = Type.Object({ ok: Type.Literal(true) });

/** Text that must hold something other than spaces. */
export function Text(maxLength: number, minLength = 1) {
  return Type.String({ minLength, maxLength, pattern: minLength > 0 ? '\\S' : undefined });
}

export function Enum<const T extends readonly string[]>(values: T, description?: string) {
  return Type.Union(
    values.map((v) => Type.Literal(v)),
    description ? { description } : {},
  ) as unknown as TSchema & { static: T[number] };
}

export const CommunityParams = Type.Object({ communityId: Uuid });
export const ConcernParams = Type.Object({ communityId: Uuid, concernId: Uuid });
