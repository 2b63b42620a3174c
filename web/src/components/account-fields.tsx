// Name, email and password for a new account (setup and invitations share them).
import type { NewAccountBody } from '../api.ts';
import type { Errors } from './form.tsx';
import { collect, required, TextField } from './form.tsx';

/** What a new account needs: the body the API takes for it. */
export type AccountValues = NewAccountBody;

export const accountLabels = { displayName: 'Your name', email: 'Email', password: 'Password' };

export function validateAccount(v: AccountValues): Errors {
  return collect({
    displayName: required(v.displayName, 'Please tell us what to call you.'),
    email:
      required(v.email, 'Please enter your email address.') ??
      (/^\S+@\S+\.\S+$/.test(v.email.trim())
        ? undefined
        : 'Please enter an email address, like name@example.org.'),
    password:
      v.password.length < 10 ? 'Please choose a password of at least 10 characters.' : undefined,
  });
}

export function AccountFields({
  values,
  onChange,
  errors,
}: {
  values: AccountValues;
  onChange: (v: AccountValues) => void;
  errors: Errors;
}) {
  return (
    <>
      <TextField
        id="displayName"
        label="Your name"
        hint="The name others in your community will see."
        autoComplete="name"
        value={values.displayName}
        onChange={(e) => onChange({ ...values, displayName: e.target.value })}
        error={errors.displayName}
      />
      <TextField
        id="email"
        label="Email"
        type="email"
        autoComplete="email"
        value={values.email}
        onChange={(e) => onChange({ ...values, email: e.target.value })}
        error={errors.email}
      />
      <TextField
        id="password"
        label="Password"
        type="password"
        hint="At least 10 characters. A few unrelated words make a strong, memorable password."
        autoComplete="new-password"
        value={values.password}
        onChange={(e) => onChange({ ...values, password: e.target.value })}
        error={errors.password}
      />
    </>
  );
}
