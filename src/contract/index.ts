// The contract at the bottom of the house: the vocabulary (every fixed set of values) and the
// schemas of the API. It imports nothing else from src/, so the database types, the domain, the
// routes and the web (type-only) can all depend on it.
export * from './vocabulary.ts';
export * from './errors.ts';
export * from './notifications.ts';
export * from './schemas/index.ts';
