import { describe, expect, it } from 'vitest';
import { offsetClock, systemClock } from './clock.ts';

describe('offsetClock (TEST_CLOCK_OFFSET_MS)', () => {
  it('is the real clock when there is no offset', () => {
    expect(offsetClock(0)).toBe(systemClock);
  });

  it('runs ahead or behind the real time by the offset, and keeps running', async () => {
    for (const offset of [3_600_000, -60_000]) {
      const clock = offsetClock(offset);
      const before = Date.now();
      const first = clock.now().getTime();
      const after = Date.now();
      expect(first - before).toBeGreaterThanOrEqual(offset);
      expect(first - after).toBeLessThanOrEqual(offset);
      await new Promise((r) => setTimeout(r, 5));
      expect(clock.now().getTime()).toBeGreaterThan(first);
    }
  });
});
