// Retries wait longer each time, with jitter so many failed jobs do not come back at once.
// The one place that decides how long a failed job waits.

export interface BackoffPolicy {
  /** Wait before the second attempt (before jitter). */
  baseMs: number;
  /** The longest wait. */
  capMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 30_000, capMs: 6 * 3_600_000 };

/**
 * Exponential backoff with "equal jitter": half of the exponential step is fixed, the other
 * half random. `attempt` is the attempt that just failed (1 for the first).
 */
export function backoffDelayMs(
  attempt: number,
  policy: BackoffPolicy = defaultBackoff,
  random: () => number = Math.random,
): number {
  const exp = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + (exp / 2) * random());
}
