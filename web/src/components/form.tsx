// Accessible text fields (labels, hints and errors tied to each control with aria-describedby),
// form state with useForm(), and the submit button. Choices live in choice-fields.tsx, the error
// summary in error-summary.tsx; ApiForm (api-form.tsx) puts a form together.
import {
  useCallback,
  useState,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type TextareaHTMLAttributes,
} from 'react';
import { ApiError } from '../api.ts';
import { useAnnounce } from './announcer.tsx';
import { describedBy, HintAndError } from './field-parts.tsx';

export type Errors = Record<string, string>;

/** One choice in a radio group, checkbox group or select (choice-fields.tsx). */
export interface Option {
  value: string;
  label: string;
  hint?: string;
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
