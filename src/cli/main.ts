// `callin`: finds the command, runs it, and turns failures into clear messages and exit codes.
// Each command loads what it needs (the database, the app, the server) inside its run, so
// `callin check`, `--help` and usage errors start in a fraction of a second.
import { ConfigError } from '../config/env.ts';
import { AppError } from '../config/errors.ts';
import { commands as baseCommands, type Command } from './commands.ts';
import { checkCommand } from './check.ts';
import { EXIT, processIo, UsageError, type Io } from './io.ts';
import { startCommand } from './start.ts';
import { workerCommand } from './worker.ts';
import { eraseUserCommand, retentionPurgeCommand } from './privacy.ts';

export const commands: Command[] = [
  startCommand,
  workerCommand,
  ...baseCommands,
  eraseUserCommand,
  retentionPurgeCommand,
  checkCommand,
];

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Calling In: call people in kindly, with consent, and share the work of doing it.',
    '',
    'Usage: callin <command> [options]    (callin <command> --help for more)',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Exit codes: 0 done, 1 found a problem, 2 usage error, 3 configuration error, 4 failure.',
  ].join('\n');
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out(help());
    return argv.length === 0 ? EXIT.usage : EXIT.ok;
  }
  // Longest name first, so "admin create-operator" wins over a shorter prefix.
  const sorted = [...commands].sort((a, b) => b.name.length - a.name.length);
  const command = sorted.find((c) => {
    const words = c.name.split(' ');
    return words.every((w, i) => argv[i] === w);
  });
  if (!command) {
    io.err(`There is no command "${argv.slice(0, 2).join(' ')}".\n\n${help()}`);
    return EXIT.usage;
  }
  const rest = argv.slice(command.name.split(' ').length);
  if (command.name !== 'check' && (rest.includes('--help') || rest.includes('-h'))) {
    io.out(`${command.summary}\n\nUsage: ${command.usage}`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\nUsage: ${command.usage}`);
      return EXIT.usage;
    }
    if (e instanceof ConfigError) {
      io.err(e.message);
      return EXIT.config;
    }
    if (e instanceof AppError) {
      const details = Array.isArray(e.details) ? e.details : [];
      // A step that cannot be taken says why, or what to do instead (last_organizer).
      const reason = e.details && !Array.isArray(e.details) ? e.details.reason : undefined;
      io.err(
        [
          e.message,
          ...(reason ? [reason] : []),
          ...details.map((d) => `  - ${d.field}: ${d.message ?? d.rule}`),
        ].join('\n'),
      );
      return EXIT.failure;
    }
    io.err(`callin ${command.name} could not finish: ${(e as Error).message}`);
    return EXIT.failure;
  }
}
