// Exit codes and output helpers shared by every command.
export const EXIT = {
  ok: 0,
  /** The thing checked has a problem (a broken audit chain, language findings). */
  found: 1,
  usage: 2,
  config: 3,
  failure: 4,
} as const;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
};

export class UsageError extends Error {}

export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
  return Buffer.concat(chunks).toString('utf8');
}
