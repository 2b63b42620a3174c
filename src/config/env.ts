// The one validated view of the environment. A bad variable stops start-up with a list of
// every problem (conventions: configuration fails fast).
import path from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | null;
  /** `keyId:base64key` pairs; the first is used for new writes. Empty means use the key file. */
  encryptionKeys: string | null;
  encryptionKeyFile: string;
  /** The audit log's signed checkpoint, kept outside the database. */
  auditCheckpointFile: string;
  logLevel: LogLevel;
  sessionTtlHours: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  bodyLimitBytes: number;
  signInRateLimit: number;
  /** Sign-in attempts for one account, from anywhere, per 15 minutes. */
  signInAccountRateLimit: number;
  publicFormRateLimit: number;
  apiRateLimit: number;
  /** Per-account quotas (0 turns one off): concerns, messages, invitations, tokens an hour. */
  quotaConcernsPerHour: number;
  quotaMessagesPerHour: number;
  quotaInvitationsPerHour: number;
  quotaTokensPerHour: number;
  /** Every other write one account makes, per minute. */
  quotaWritesPerMinute: number;
  smtpUrl: string | null;
  mailFrom: string;
  allowInternalHttp: boolean;
  runJobs: boolean;
  readCache: boolean;
  /** How long a request (headers and body) may take to arrive before it is answered 408. */
  requestTimeoutMs: number;
  /** Open connections one address may hold at once; 0 turns the cap off. */
  maxConnectionsPerAddress: number;
  jobPollMs: number;
  /** For tests only: how far ahead (or, negative, behind) of the real time this process's clock runs. */
  testClockOffsetMs: number;
}

/** Each variable: its name, what it means, default, and whether it is a secret. */
export interface VariableDoc {
  name: string;
  key: keyof Config;
  description: string;
  default: string;
  secret?: boolean;
}

export const variables: VariableDoc[] = [
  { name: 'PORT', key: 'port', description: 'Port for the web app and API.', default: '8080' },
  { name: 'HOST', key: 'host', description: 'Address to listen on.', default: '0.0.0.0' },
  {
    name: 'PUBLIC_URL',
    key: 'publicUrl',
    description: 'Address people use to reach this installation; used in links and emails.',
    default: 'http://localhost:PORT',
  },
  {
    name: 'DATA_DIR',
    key: 'dataDir',
    description: 'Folder for the embedded database, key file and backups.',
    default: './data',
  },
  {
    name: 'DATABASE_URL',
    key: 'databaseUrl',
    description: 'A postgres:// URL to use PostgreSQL instead of the embedded SQLite database.',
    default: '(unset: SQLite in DATA_DIR)',
    secret: true,
  },
  {
    name: 'CALLIN_ENCRYPTION_KEYS',
    key: 'encryptionKeys',
    description:
      'Comma-separated keyId:base64 (32 bytes) keys for case content; the first encrypts new content.',
    default: '(unset: a key file is generated on first start)',
    secret: true,
  },
  {
    name: 'CALLIN_ENCRYPTION_KEY_FILE',
    key: 'encryptionKeyFile',
    description: 'Where the generated key file lives when CALLIN_ENCRYPTION_KEYS is unset.',
    default: 'DATA_DIR/keys.json',
  },
  {
    name: 'AUDIT_CHECKPOINT_FILE',
    key: 'auditCheckpointFile',
    description:
      "The audit log's signed checkpoint (its length and last seal), kept outside the database so removed entries or a restored older database show. Back it up with the database.",
    default: 'DATA_DIR/audit-head.json',
  },
  {
    name: 'LOG_LEVEL',
    key: 'logLevel',
    description: 'fatal, error, warn, info, debug, trace or silent.',
    default: 'info',
  },
  {
    name: 'SESSION_TTL_HOURS',
    key: 'sessionTtlHours',
    description: 'How long a sign-in lasts without use.',
    default: '336',
  },
  {
    name: 'COOKIE_SECURE',
    key: 'cookieSecure',
    description: 'Send cookies only over HTTPS.',
    default: 'true when PUBLIC_URL starts with https',
  },
  {
    name: 'TRUST_PROXY',
    key: 'trustProxy',
    description: 'Trust X-Forwarded-* headers from a reverse proxy.',
    default: 'false',
  },
  {
    name: 'BODY_LIMIT_BYTES',
    key: 'bodyLimitBytes',
    description: 'Largest request body accepted.',
    default: '65536',
  },
  {
    name: 'RATE_LIMIT_SIGN_IN',
    key: 'signInRateLimit',
    description: 'Sign-in attempts per address per minute.',
    default: '10',
  },
  {
    name: 'RATE_LIMIT_SIGN_IN_ACCOUNT',
    key: 'signInAccountRateLimit',
    description:
      'Sign-in attempts for one account per 15 minutes, from any address (counted in the database, so every server shares it).',
    default: '20',
  },
  {
    name: 'RATE_LIMIT_PUBLIC_FORMS',
    key: 'publicFormRateLimit',
    description: 'Public form submissions (intake, setup, invitations) per address per minute.',
    default: '10',
  },
  {
    name: 'RATE_LIMIT_API',
    key: 'apiRateLimit',
    description: 'Other API requests per address per minute.',
    default: '6000',
  },
  {
    name: 'QUOTA_CONCERNS_PER_HOUR',
    key: 'quotaConcernsPerHour',
    description:
      'Concerns one account may raise per hour (signed in or with a token; the public form keeps its per-address limit). 0 turns it off.',
    default: '30',
  },
  {
    name: 'QUOTA_MESSAGES_PER_HOUR',
    key: 'quotaMessagesPerHour',
    description:
      'Call-in messages and replies, and messages between organizers and a signed-in reporter, one account may send per hour. 0 turns it off.',
    default: '200',
  },
  {
    name: 'QUOTA_INVITATIONS_PER_HOUR',
    key: 'quotaInvitationsPerHour',
    description: 'Invitation links one account may make per hour. 0 turns it off.',
    default: '100',
  },
  {
    name: 'QUOTA_TOKENS_PER_HOUR',
    key: 'quotaTokensPerHour',
    description: 'API tokens one account may make per hour. 0 turns it off.',
    default: '20',
  },
  {
    name: 'QUOTA_WRITES_PER_MINUTE',
    key: 'quotaWritesPerMinute',
    description:
      'Any other change one account may make per minute (all quotas are counted in the database, so every server shares them). 0 turns it off.',
    default: '300',
  },
  {
    name: 'SMTP_URL',
    key: 'smtpUrl',
    description: 'smtp:// or smtps:// URL for outgoing email.',
    default: '(unset: email is off)',
    secret: true,
  },
  {
    name: 'MAIL_FROM',
    key: 'mailFrom',
    description: 'Sender address for email.',
    default: 'Calling In <callin@localhost>',
  },
  {
    name: 'ALLOW_INTERNAL_HTTP',
    key: 'allowInternalHttp',
    description: 'Let outbound HTTP reach private and loopback addresses (for testing only).',
    default: 'false',
  },
  {
    name: 'RUN_JOBS',
    key: 'runJobs',
    description: 'Run background jobs inside `callin start`.',
    default: 'true',
  },
  {
    name: 'READ_CACHE',
    key: 'readCache',
    description:
      'Keep answers to hot reads (sign-in lookups, inbox pages) until anything is written. Embedded database only.',
    default: 'true',
  },
  {
    name: 'REQUEST_TIMEOUT_MS',
    key: 'requestTimeoutMs',
    description:
      'How long a request, headers and body, may take to arrive before it is answered 408 and the connection closed.',
    default: '30000',
  },
  {
    name: 'MAX_CONNECTIONS_PER_ADDRESS',
    key: 'maxConnectionsPerAddress',
    description:
      'Open connections one client address may hold at once (0: no cap). Behind a proxy (TRUST_PROXY) every client shares its address, so the default is then 0: cap at the proxy.',
    default: '64 (0 with TRUST_PROXY)',
  },
  {
    name: 'JOB_POLL_MS',
    key: 'jobPollMs',
    description: 'How often, in milliseconds, the job runner looks for due jobs when it is idle.',
    default: '1000',
  },
  {
    name: 'TEST_CLOCK_OFFSET_MS',
    key: 'testClockOffsetMs',
    description:
      "For tests only: run this process's clock this many milliseconds ahead (negative: behind), so reminders and expiries fall due without waiting. Never set it on a real installation.",
    default: '0',
  },
];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The configuration needs attention:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS: readonly LogLevel[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
];

const TEN_YEARS_MS = 10 * 365 * 24 * 3_600_000;

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const text = (name: string): string | null => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? null : v.trim();
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    if (raw === null) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
      return fallback;
    }
    return n;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = text(name);
    if (raw === null) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
    problems.push(`${name} must be true or false (got "${raw}").`);
    return fallback;
  };

  const port = int('PORT', 8080, 0, 65535);
  const publicUrl = (text('PUBLIC_URL') ?? `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    const u = new URL(publicUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
  } catch {
    problems.push(`PUBLIC_URL must be an http:// or https:// address (got "${publicUrl}").`);
  }
  const databaseUrl = text('DATABASE_URL');
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://.');
  }
  const logLevel = (text('LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${String(logLevel)}").`);
  }
  const encryptionKeys = text('CALLIN_ENCRYPTION_KEYS');
  if (encryptionKeys !== null) {
    for (const part of encryptionKeys.split(',')) {
      const [id, key] = part.trim().split(':');
      if (
        !id ||
        !/^[A-Za-z0-9_-]{1,32}$/.test(id) ||
        !key ||
        Buffer.from(key, 'base64').length !== 32
      ) {
        problems.push(
          'CALLIN_ENCRYPTION_KEYS entries must look like keyId:base64 with a 32-byte key.',
        );
        break;
      }
    }
  }
  const smtpUrl = text('SMTP_URL');
  if (smtpUrl !== null && !/^smtps?:\/\//.test(smtpUrl)) {
    problems.push('SMTP_URL must start with smtp:// or smtps://.');
  }
  const dataDir = path.resolve(cwd, text('DATA_DIR') ?? './data');
  const trustProxy = bool('TRUST_PROXY', false);

  const config: Config = {
    port,
    host: text('HOST') ?? '0.0.0.0',
    publicUrl,
    dataDir,
    databaseUrl,
    encryptionKeys,
    encryptionKeyFile: path.resolve(
      cwd,
      text('CALLIN_ENCRYPTION_KEY_FILE') ?? path.join(dataDir, 'keys.json'),
    ),
    auditCheckpointFile: path.resolve(
      cwd,
      text('AUDIT_CHECKPOINT_FILE') ?? path.join(dataDir, 'audit-head.json'),
    ),
    logLevel,
    sessionTtlHours: int('SESSION_TTL_HOURS', 336, 1, 24 * 365),
    cookieSecure: bool('COOKIE_SECURE', publicUrl.startsWith('https://')),
    trustProxy,
    bodyLimitBytes: int('BODY_LIMIT_BYTES', 65536, 1024, 10 * 1024 * 1024),
    signInRateLimit: int('RATE_LIMIT_SIGN_IN', 10, 1, 1_000_000),
    signInAccountRateLimit: int('RATE_LIMIT_SIGN_IN_ACCOUNT', 20, 1, 1_000_000),
    publicFormRateLimit: int('RATE_LIMIT_PUBLIC_FORMS', 10, 1, 1_000_000),
    apiRateLimit: int('RATE_LIMIT_API', 6000, 1, 100_000_000),
    quotaConcernsPerHour: int('QUOTA_CONCERNS_PER_HOUR', 30, 0, 100_000_000),
    quotaMessagesPerHour: int('QUOTA_MESSAGES_PER_HOUR', 200, 0, 100_000_000),
    quotaInvitationsPerHour: int('QUOTA_INVITATIONS_PER_HOUR', 100, 0, 100_000_000),
    quotaTokensPerHour: int('QUOTA_TOKENS_PER_HOUR', 20, 0, 100_000_000),
    quotaWritesPerMinute: int('QUOTA_WRITES_PER_MINUTE', 300, 0, 100_000_000),
    smtpUrl,
    mailFrom: text('MAIL_FROM') ?? 'Calling In <callin@localhost>',
    allowInternalHttp: bool('ALLOW_INTERNAL_HTTP', false),
    runJobs: bool('RUN_JOBS', true),
    readCache: bool('READ_CACHE', true),
    requestTimeoutMs: int('REQUEST_TIMEOUT_MS', 30_000, 100, 3_600_000),
    maxConnectionsPerAddress: int('MAX_CONNECTIONS_PER_ADDRESS', trustProxy ? 0 : 64, 0, 100_000),
    jobPollMs: int('JOB_POLL_MS', 1000, 10, 3_600_000),
    // Ten years either way is more than any test needs.
    testClockOffsetMs: int('TEST_CLOCK_OFFSET_MS', 0, -TEN_YEARS_MS, TEN_YEARS_MS),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** The effective configuration with secrets hidden, for `callin config`. */
export function describeConfig(config: Config): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of variables) {
    const value = config[v.key];
    out[v.name] =
      value === null
        ? ''
        : v.secret
          ? '(set, hidden)'
          : typeof value === 'string'
            ? value
            : String(value);
  }
  return out;
}

/** What `callin start` and `callin worker` say when the test clock is on, so nobody misses it. */
export function testClockNotice(config: Config): string | null {
  if (config.testClockOffsetMs === 0) return null;
  return `TEST_CLOCK_OFFSET_MS is set: this process's clock runs ${config.testClockOffsetMs} ms ${config.testClockOffsetMs > 0 ? 'ahead of' : 'behind'} the real time. It is meant for tests only.`;
}
