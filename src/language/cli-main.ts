/** Stand-alone entry for `callin check`: `tsx src/language/cli-main.ts [args…]`. */
import { runCheck } from './cli.ts';

const code = await runCheck(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
});
process.exitCode = code;
