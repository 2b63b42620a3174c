// What a job is: a name, a payload schema (TypeBox), a version and a handler.
import type { Static, TSchema } from '@sinclair/typebox';
import type { JobRow as Job } from '../db/schema.ts';

export interface JobLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: JobLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

export interface JobRun {
  job: Job;
  logger: JobLogger;
  /**
   * Re-reads the job row: false when it was cancelled meanwhile (for example consent was
   * withdrawn) or another worker took it over. Call it right before anything that cannot be
   * taken back, such as sending an email.
   */
  stillWanted(): Promise<boolean>;
}

export interface JobDefinition<S extends TSchema = TSchema> {
  name: string;
  /** The payload version this handler reads. Jobs written with another version fail clearly. */
  version: number;
  payload: S;
  /** Overrides the queue's default number of attempts for jobs of this kind. */
  maxAttempts?: number;
  handle(payload: Static<S>, run: JobRun): Promise<void>;
}

/** Thrown by a handler when trying again cannot help (the job is marked failed at once). */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

/** Keeps the payload type of each definition while collecting them in one list. */
export function defineJob<S extends TSchema>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}
