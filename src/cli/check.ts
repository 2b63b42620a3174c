// `callin check`: the language checker's command (src/language/cli.ts does the work).
import type { Command } from './commands.ts';
import type { Io } from './io.ts';

export const checkCommand: Command = {
  name: 'check',
  summary: 'Check text or Markdown for inconsiderate wording',
  usage: 'callin check [paths…] [--format text|json|sarif] [--fail-on nudge|concern|escalate]',
  async run(args: string[], io: Io) {
    const { runCheck } = await import('../language/cli.ts');
    return runCheck(args, { stdin: io.stdin, stdout: io.out, stderr: io.err, cwd: io.cwd });
  },
};
