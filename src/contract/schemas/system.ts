// The installation itself: health and this API's description.
import { storageFailures } from '../vocabulary.ts';
import { Enum } from './primitives.ts';
import { Type } from '@sinclair/typebox';

export const Health = Type.Object({ status: Type.Literal('ok') });
/** While the database cannot commit a write; ok again once it can, without a restart. */
export const HealthUnavailable = Type.Object({
  status: Type.Literal('unavailable'),
  reason: Enum(storageFailures),
});
export const OpenApiDocument = Type.Object({}, { additionalProperties: true });
