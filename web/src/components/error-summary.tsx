// The summary above a form of what needs another look: it takes focus when it appears and links
// to each field. ApiForm (api-form.tsx) puts it in place.
import { useEffect, useId, useRef } from 'react';
import type { Errors } from './form.tsx';

/** Lists what needs another look, each linked to its field; takes focus when it appears. */
export function ErrorSummary({
  errors,
  labels,
  general,
  attempt,
}: {
  errors: Errors;
  labels: Record<string, string>;
  general?: string;
  attempt: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const entries = Object.entries(errors);
  const visible = entries.length > 0 || Boolean(general);
  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [visible, attempt]);
  if (!visible) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} aria-labelledby={titleId}>
      <h2 id={titleId}>
        {entries.length > 0 ? 'Some details need another look' : 'That did not work'}
      </h2>
      {general ? <p>{general}</p> : null}
      {entries.length > 0 ? (
        <ul>
          {entries.map(([field, message]) => (
            <li key={field}>
              <a
                href={`#${fieldDomId(field)}`}
                onClick={(e) => {
                  e.preventDefault();
                  const el = document.getElementById(fieldDomId(field));
                  const target =
                    el instanceof HTMLFieldSetElement
                      ? (el.querySelector<HTMLInputElement>('input') ?? el)
                      : el;
                  target?.focus();
                }}
              >
                {labels[field] ?? field}: {message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** API field paths ("about.name") become DOM ids ("about-name"). */
export function fieldDomId(field: string): string {
  return field.replace(/\./g, '-');
}
