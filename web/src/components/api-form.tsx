// The composition every form shares: the error summary above the fields (it takes focus and links
// to each field), the fields, and a submit button that says when it is working. A page keeps its
// own state with useForm() and passes the handler made by form.submit(validate, action).
import type { FormEvent, ReactNode } from 'react';
import { ErrorSummary } from './error-summary.tsx';
import { SubmitButton, type Errors, type useForm } from './form.tsx';

export type FormState = ReturnType<typeof useForm>;

export function ApiForm({
  form,
  onSubmit,
  labels,
  submitLabel,
  errors,
  actions,
  after,
  children,
}: {
  form: FormState;
  onSubmit: (e?: FormEvent) => Promise<void>;
  /** Field names as people read them, for the summary's links. */
  labels: Record<string, string>;
  submitLabel: ReactNode;
  /** Errors to list, when the page renames some of the API's fields; otherwise form.errors. */
  errors?: Errors;
  /** More buttons beside the submit button. */
  actions?: ReactNode;
  /** What follows the submit button inside the form: a "Saved." line, other ways to answer. */
  after?: ReactNode;
  children?: ReactNode;
}) {
  const submit = <SubmitButton busy={form.submitting}>{submitLabel}</SubmitButton>;
  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)} className="stack">
      <ErrorSummary
        errors={errors ?? form.errors}
        general={form.general}
        attempt={form.attempt}
        labels={labels}
      />
      {children}
      {actions ? (
        <p className="inline-form">
          {submit} {actions}
        </p>
      ) : (
        submit
      )}
      {after}
    </form>
  );
}
