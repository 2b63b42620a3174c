// The test clock setting: off unless asked for, refused when malformed, and loud when on.
import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig, testClockNotice } from './env.ts';

describe('TEST_CLOCK_OFFSET_MS and JOB_POLL_MS', () => {
  it('are off (the real clock, a one-second poll) unless set', () => {
    const config = loadConfig({}, '/srv/callin');
    expect(config).toMatchObject({ testClockOffsetMs: 0, jobPollMs: 1000 });
    expect(testClockNotice(config)).toBeNull();
    expect(describeConfig(config)).toMatchObject({
      TEST_CLOCK_OFFSET_MS: '0',
      JOB_POLL_MS: '1000',
    });
  });

  it('takes an offset either way, and says so', () => {
    const ahead = loadConfig({ TEST_CLOCK_OFFSET_MS: '3600000', JOB_POLL_MS: '50' }, '/srv');
    expect(ahead).toMatchObject({ testClockOffsetMs: 3_600_000, jobPollMs: 50 });
    expect(testClockNotice(ahead)).toContain('3600000 ms ahead of the real time');
    const behind = loadConfig({ TEST_CLOCK_OFFSET_MS: '-60000' }, '/srv');
    expect(behind.testClockOffsetMs).toBe(-60_000);
    expect(testClockNotice(behind)).toContain('60000 ms behind');
  });

  it('refuses values that are not whole numbers in range, naming each', () => {
    let error: unknown;
    try {
      loadConfig({ TEST_CLOCK_OFFSET_MS: 'an hour', JOB_POLL_MS: '0' }, '/srv');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('TEST_CLOCK_OFFSET_MS');
    expect(problems).toContain('JOB_POLL_MS');
    expect(() => loadConfig({ TEST_CLOCK_OFFSET_MS: '1.5' }, '/srv')).toThrow(ConfigError);
    expect(() =>
      loadConfig({ TEST_CLOCK_OFFSET_MS: String(11 * 365 * 86_400_000) }, '/srv'),
    ).toThrow(ConfigError);
  });
});
