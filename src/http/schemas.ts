// The error body every route answers with. The schemas of requests and responses live in
// src/contract/schemas/ (one file a resource); only the error shape, built from the error
// table, stays here.
import { Type } from '@sinclair/typebox';
import { errorCodes } from '../config/errors.ts';

export const ErrorBody = Type.Object(
  {
    code: Type.Union(Object.keys(errorCodes).map((c) => Type.Literal(c))),
    message: Type.String(),
    details: Type.Optional(Type.Unknown()),
  },
  {
    $id: 'ErrorBody',
    description: 'Every error: a stable code from the error table, and a message for people.',
  },
);
