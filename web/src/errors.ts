// The words the browser shows for a field that needs another look, one per rule the API names
// (src/contract/errors.ts). Typed by the contract's list of rules, so a new rule without words
// here fails the type-check.
import type { FieldError, ValidationRule } from '../../src/contract/errors.ts';

type Words = (limit: number | undefined) => string;

export const validationMessages: Record<ValidationRule, Words> = {
  required: () => 'Please fill this in.',
  type: () => 'Please check this.',
  enum: () => 'Please choose one of the options.',
  minLength: (n) =>
    n === undefined || n <= 1 ? 'Please fill this in.' : `Please write at least ${n} characters.`,
  maxLength: (n) =>
    n === undefined ? 'Please make this shorter.' : `Please keep this under ${n} characters.`,
  notBlank: () => 'Please write something here, not only spaces.',
  plainText: () =>
    'Please use plain text on one line here, without line breaks or hidden control characters.',
  pattern: () => 'Please check the format of this.',
  email: () => 'Please enter an email address, like name@example.org.',
  url: () => 'Please use full web addresses that start with https:// or http://.',
  format: () => 'Please check the format of this.',
  minItems: (n) =>
    n === undefined || n <= 1 ? 'Please add at least one.' : `Please add at least ${n}.`,
  maxItems: (n) => (n === undefined ? 'Please add fewer.' : `Please keep this to ${n} or fewer.`),
  uniqueItems: () => 'Please list each one only once.',
  minimum: (n) => (n === undefined ? 'Please use a larger number.' : `Please use ${n} or more.`),
  maximum: (n) => (n === undefined ? 'Please use a smaller number.' : `Please use ${n} or less.`),
  additionalProperties: () => 'This is not something this form takes.',
  invalid: () => 'Please check this.',
};

/** The words for one field error: the server's own where it gave them, else the rule's. */
export function messageFor(detail: Pick<FieldError, 'rule' | 'limit' | 'message'>): string {
  if (detail.message) return detail.message;
  const words = (validationMessages as Partial<Record<string, Words>>)[detail.rule];
  return words ? words(detail.limit) : 'Please check this.';
}
