/**
 * Input checking for `POST /api/language/check`, so the HTTP route stays thin: it parses the
 * body with `parseCheckRequest`, checks the text with the community's checker, and returns
 * `toApiFindings(findings)`.
 */
import type { Category, Finding, Severity } from './types.ts';

/** Longest text the API accepts, in UTF-16 code units. */
export const MAX_API_TEXT = 20_000;

export interface CheckRequest {
  text: string;
  markdown: boolean;
}

export type ParsedCheckRequest =
  { ok: true; value: CheckRequest } | { ok: false; errors: { field: string; message: string }[] };

export function parseCheckRequest(body: unknown): ParsedCheckRequest {
  const errors: { field: string; message: string }[] = [];
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, errors: [{ field: '', message: 'the body must be a JSON object' }] };
  }
  const b = body as Record<string, unknown>;
  for (const k of Object.keys(b)) {
    if (k !== 'text' && k !== 'markdown') errors.push({ field: k, message: 'unknown field' });
  }
  if (typeof b.text !== 'string') errors.push({ field: 'text', message: 'must be a string' });
  else if (b.text.length > MAX_API_TEXT) {
    errors.push({ field: 'text', message: `must be at most ${MAX_API_TEXT} characters` });
  }
  if (b.markdown !== undefined && typeof b.markdown !== 'boolean') {
    errors.push({ field: 'markdown', message: 'must be true or false' });
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: { text: b.text as string, markdown: (b.markdown as boolean | undefined) ?? true },
  };
}

export interface ApiFinding {
  ruleId: string;
  category: Category;
  severity: Severity;
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
  message: string;
  explanation: string;
  suggestions: string[];
}

export function toApiFindings(findings: readonly Finding[]): ApiFinding[] {
  return findings.map((f) => ({ ...f }));
}

/** JSON Schema of the request body, for the route and the OpenAPI description. */
export const checkRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['text'],
  properties: {
    text: { type: 'string', maxLength: MAX_API_TEXT },
    markdown: { type: 'boolean', default: true },
  },
} as const;
