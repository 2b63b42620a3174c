// The installation itself: health and this API's description.
import { Type } from '@sinclair/typebox';

export const Health = Type.Object({ status: Type.Literal('ok') });
export const OpenApiDocument = Type.Object({}, { additionalProperties: true });
