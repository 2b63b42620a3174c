/**
 * A small JSON parser that remembers where each value starts, so configuration errors can
 * name the line and column of the offending value.
 */

export interface Located {
  value: unknown;
  /** Path (JSON pointer-like, e.g. `/rules/0/id`) → 1-based line and column. */
  positions: Map<string, { line: number; column: number }>;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

export function pointer(path: readonly (string | number)[]): string {
  return path.map((p) => `/${String(p)}`).join('');
}

export function parseJsonWithPositions(text: string): Located {
  let i = 0;
  const positions = new Map<string, { line: number; column: number }>();
  const where = (at: number): { line: number; column: number } => {
    let line = 1;
    let col = 1;
    for (let k = 0; k < at && k < text.length; k++) {
      if (text[k] === '\n') {
        line++;
        col = 1;
      } else col++;
    }
    return { line, column: col };
  };
  const fail = (msg: string, at = i): never => {
    const p = where(at);
    throw new JsonSyntaxError(msg, p.line, p.column);
  };
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
  };
  const str = (): string => {
    const start = i;
    i++;
    let out = '';
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\n') fail('line break inside a string');
      if (c === '\\') {
        const e = text[i + 1];
        const map: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
          continue;
        }
        if (e === undefined || map[e] === undefined) fail('bad escape in string');
        out += map[e!];
        i += 2;
        continue;
      }
      out += c;
      i++;
    }
    return fail('unterminated string', start);
  };
  const value = (path: (string | number)[]): unknown => {
    ws();
    positions.set(pointer(path), where(i));
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a property name in double quotes');
        const keyAt = i;
        const key = str();
        if (Object.hasOwn(obj, key)) fail(`duplicate property "${key}"`, keyAt);
        positions.set(pointer([...path, key]) + '#key', where(keyAt));
        ws();
        if (text[i] !== ':') fail('expected ":" after the property name');
        i++;
        obj[key] = value([...path, key]);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value([...path, arr.length]));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail('expected "," or "]"');
      }
    }
    if (c === '"') return str();
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      text.slice(i, i + 64),
    );
    if (m === null)
      return fail(c === undefined ? 'unexpected end of file' : `unexpected character "${c}"`);
    i += m[0].length;
    return m[0] === 'true'
      ? true
      : m[0] === 'false'
        ? false
        : m[0] === 'null'
          ? null
          : Number(m[0]);
  };
  const result = value([]);
  ws();
  if (i < text.length) fail('unexpected text after the end of the JSON value');
  return { value: result, positions };
}
