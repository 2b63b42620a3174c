/** Output formats for `callin check`: text for people, JSON per the contract, SARIF 2.1.0. */
import type { Finding, RuleData, Severity } from './types.ts';

/** The findings of one checked file (`<stdin>` for standard input). */
export interface FileFindings {
  file: string;
  findings: Finding[];
}

/** One finding as the `callin check --format json` contract gives it. */
export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  category: string;
  severity: Severity;
  message: string;
  suggestions: string[];
  /** Only when the rule fired more than once in the file: every place, this one first. */
  occurrences?: { line: number; column: number; endLine: number; endColumn: number }[];
}

export function toJsonFindings(results: readonly FileFindings[]): JsonFinding[] {
  return results.flatMap(({ file, findings }) =>
    findings.map((f) => ({
      file,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      ruleId: f.ruleId,
      category: f.category,
      severity: f.severity,
      message: f.message,
      suggestions: f.suggestions,
      ...(f.occurrences === undefined
        ? {}
        : {
            occurrences: f.occurrences.map((o) => ({
              line: o.line,
              column: o.column,
              endLine: o.endLine,
              endColumn: o.endColumn,
            })),
          }),
    })),
  );
}

export function formatJson(results: readonly FileFindings[]): string {
  return JSON.stringify(toJsonFindings(results), null, 2) + '\n';
}

export function formatText(results: readonly FileFindings[]): string {
  let out = '';
  let count = 0;
  for (const { file, findings } of results) {
    for (const f of findings) {
      count++;
      const more = (f.occurrences ?? []).slice(1);
      const total = (f.count ?? more.length + 1) - 1;
      const shown = more.slice(0, 5).map((o) => `${o.line}:${o.column}`);
      if (total > 5) shown.push(`${(total - 5).toLocaleString('en-US')} more`);
      const also = shown.length > 0 ? `  also at ${shown.join(', ')}` : '';
      out += `${file}:${f.line}:${f.column}  ${f.severity.padEnd(8)}  ${f.message}  (${f.ruleId})${also}\n`;
    }
  }
  const files = results.filter((r) => r.findings.length > 0).length;
  out +=
    count === 0
      ? `No findings in ${results.length} ${results.length === 1 ? 'file' : 'files'}.\n`
      : `${count} ${count === 1 ? 'finding' : 'findings'} in ${files} ${files === 1 ? 'file' : 'files'}.\n`;
  return out;
}

const LEVEL: Record<Severity, 'note' | 'warning' | 'error'> = {
  nudge: 'note',
  concern: 'warning',
  escalate: 'error',
};

/**
 * A relative path as a URI reference: every segment percent-encoded, so `#`, `?`, `%`,
 * spaces and non-ASCII letters cannot be read as a fragment, a query or an escape.
 */
export function toUri(file: string): string {
  return file
    .replace(/\\/g, '/')
    .split('/')
    .map((seg) =>
      encodeURIComponent(seg).replace(
        /[!'()*]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
      ),
    )
    .join('/');
}

/** SARIF 2.1.0: one run, the rules that fired as `tool.driver.rules`, UTF-16 columns. */
export function formatSarif(
  results: readonly FileFindings[],
  rules: readonly RuleData[],
  version = '0.1.0',
): string {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const used: string[] = [];
  for (const { findings } of results)
    for (const f of findings) if (!used.includes(f.ruleId)) used.push(f.ruleId);
  const driverRules = used.map((id) => {
    const r = byId.get(id);
    const explanation = r?.explanation ?? id;
    const tries =
      r !== undefined && r.suggestions.length > 0 ? ` Consider: ${r.suggestions.join(', ')}.` : '';
    return {
      id,
      name: id.replace(/[.-](\w)/g, (_m, c: string) => c.toUpperCase()),
      shortDescription: { text: explanation },
      fullDescription: { text: explanation + tries },
      help: { text: explanation + tries },
      defaultConfiguration: { level: LEVEL[r?.severity ?? 'nudge'] },
      properties: {
        category: r?.category ?? 'custom',
        tags: [r?.category ?? 'custom', 'language'],
      },
    };
  });
  const sarifResults = results.flatMap(({ file, findings }) =>
    findings.map((f) => ({
      ruleId: f.ruleId,
      ruleIndex: used.indexOf(f.ruleId),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: toUri(file) },
            region: {
              startLine: f.line,
              startColumn: f.column,
              endLine: f.endLine,
              endColumn: f.endColumn,
              snippet: { text: f.text },
            },
          },
        },
      ],
      ...(f.occurrences === undefined
        ? {}
        : {
            relatedLocations: f.occurrences.slice(1).map((o, i) => ({
              id: i + 1,
              message: { text: `"${o.text}" again` },
              physicalLocation: {
                artifactLocation: { uri: toUri(file) },
                region: {
                  startLine: o.line,
                  startColumn: o.column,
                  endLine: o.endLine,
                  endColumn: o.endColumn,
                  snippet: { text: o.text },
                },
              },
            })),
          }),
      properties: {
        severity: f.severity,
        category: f.category,
        suggestions: f.suggestions,
        occurrences: f.count ?? 1,
      },
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'callin',
            fullName: 'Calling In language checker',
            version,
            rules: driverRules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
