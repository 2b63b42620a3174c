// Accessible form parts: labels, hints and errors tied to each control with aria-describedby,
// radio and checkbox groups in fieldsets, and an error summary that takes focus on submit.
import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type TextareaHTMLAttributes,
} from 'react';
import { ApiError } from '../api.ts';
import { useAnnounce } from './announcer.tsx';

export type Errors = Record<string, string>;

function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function HintAndError({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">Needs attention: </span>
          {error}
        </p>
      ) : null}
    </>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
};

export function TextField({ id, label, hint, error, optional, className, ...rest }: InputProps) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {optional ? <span className="optional"> (optional)</span> : null}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <input
        id={id}
        name={id}
        className={className ?? 'input'}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
      />
    </div>
  );
}

type AreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
};

export function TextArea({ id, label, hint, error, optional, ...rest }: AreaProps) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {optional ? <span className="optional"> (optional)</span> : null}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <textarea
        id={id}
        name={id}
        className="input"
        rows={5}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
      />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
  hint?: string;
}

export function RadioGroup({
  id,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: Option[];
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <fieldset
      className={`field choices${error ? ' field-invalid' : ''}`}
      id={id}
      tabIndex={-1}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend>{legend}</legend>
      <HintAndError id={id} hint={hint} error={error} />
      {options.map((o) => (
        <div className="choice" key={o.value}>
          <input
            type="radio"
            id={`${id}-${o.value}`}
            name={id}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
            aria-describedby={o.hint ? `${id}-${o.value}-hint` : undefined}
          />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          {o.hint ? (
            <p className="hint choice-hint" id={`${id}-${o.value}-hint`}>
              {o.hint}
            </p>
          ) : null}
        </div>
      ))}
    </fieldset>
  );
}

export function CheckboxGroup({
  id,
  legend,
  hint,
  error,
  options,
  values,
  onChange,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: Option[];
  values: string[];
  onChange: (v: string[]) => void;
}) {
  return (
    <fieldset
      className={`field choices${error ? ' field-invalid' : ''}`}
      id={id}
      tabIndex={-1}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend>{legend}</legend>
      <HintAndError id={id} hint={hint} error={error} />
      <div className="choice-columns">
        {options.map((o) => (
          <div className="choice" key={o.value}>
            <input
              type="checkbox"
              id={`${id}-${o.value}`}
              name={id}
              value={o.value}
              checked={values.includes(o.value)}
              onChange={(e) =>
                onChange(
                  e.target.checked ? [...values, o.value] : values.filter((v) => v !== o.value),
                )
              }
            />
            <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

export function Checkbox({
  id,
  label,
  hint,
  checked,
  onChange,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <div className="field choice">
      <input
        type="checkbox"
        id={id}
        name={id}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint choice-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function SelectField({
  id,
  label,
  hint,
  error,
  options,
  value,
  onChange,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: Option[];
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <HintAndError id={id} hint={hint} error={error} />
      <select
        id={id}
        name={id}
        className="input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

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

/**
 * Form state: errors per field, a general message, submitting, and a submit handler that
 * validates first, then calls the API and maps its errors back onto the fields.
 */
export function useForm(aliases: Record<string, string> = {}) {
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string | undefined>();
  const [submitting, setSubmitting] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const announce = useAnnounce();

  const submit = useCallback(
    (validate: () => Errors, action: () => Promise<void>) => async (e?: FormEvent) => {
      e?.preventDefault();
      if (submitting) return;
      setAttempt((n) => n + 1);
      const found = validate();
      if (Object.keys(found).length > 0) {
        setErrors(found);
        setGeneral(undefined);
        return;
      }
      setErrors({});
      setGeneral(undefined);
      setSubmitting(true);
      try {
        await action();
      } catch (err) {
        if (err instanceof ApiError) {
          const fields: Errors = {};
          for (const [k, v] of Object.entries(err.fields)) fields[aliases[k] ?? k] = v;
          setErrors(fields);
          setGeneral(Object.keys(fields).length > 0 ? undefined : err.message);
          if (Object.keys(fields).length === 0) announce(err.message);
        } else {
          setGeneral('Something went wrong on our side. Nothing was changed.');
        }
      } finally {
        setSubmitting(false);
      }
    },
    [submitting, announce, aliases],
  );
  return { errors, general, submitting, attempt, submit, setErrors };
}

export function SubmitButton({ children, busy }: { children: ReactNode; busy: boolean }) {
  return (
    <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
      {busy ? 'Working…' : children}
    </button>
  );
}

export function required(value: string, message = 'Please fill this in.'): string | undefined {
  return value.trim() === '' ? message : undefined;
}

/** Drops undefined entries so an empty object means "no problems". */
export function collect(errors: Record<string, string | undefined>): Errors {
  const out: Errors = {};
  for (const [k, v] of Object.entries(errors)) if (v) out[k] = v;
  return out;
}
