/**
 * `pilot-gate`: the command line over the use cases, for .xlsx workbooks and pilot portfolios.
 * `run` reads the arguments, runs the command and sets the exit code: 0 done, 1 input problems,
 * 2 a usage error (the message says what to type instead), 3 an error in pilot-gate itself.
 */
import { helpText, parseArgs, UsageError } from './args';
import { evaluateCommand, type CommandIO } from './evaluate';

/** Exit codes. */
export const EXIT = { ok: 0, inputProblems: 1, usage: 2, internal: 3 } as const;

/**
 * Runs the command the arguments ask for and returns its exit code.
 *
 * @example
 *   const code = await main(['evaluate', 'claims.xlsx'], { stdout: process.stdout, stderr: process.stderr, now: () => new Date() });
 */
export async function main(argv: readonly string[], io: CommandIO): Promise<number> {
  try {
    const command = parseArgs(argv);
    switch (command.command) {
      case 'help':
        io.stdout.write(`${helpText(command.topic)}\n`);
        return EXIT.ok;
      case 'version':
        io.stdout.write(`${version()}\n`);
        return EXIT.ok;
      case 'evaluate': {
        const { command: _command, ...options } = command;
        return await evaluateCommand(options, io);
      }
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`pilot-gate: ${error.message}\nRun "pilot-gate --help" for how to call it.\n`);
    return EXIT.usage;
  }
}

/**
 * Runs the command line in this process: what bin/pilot-gate.js calls.
 *
 * @example
 *   run(process.argv.slice(2));
 */
export function run(argv: readonly string[]): void {
  main(argv, { stdout: process.stdout, stderr: process.stderr, now: () => new Date() }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // Not an input problem nor a usage error: a fault of the program, said as such.
      process.stderr.write(`pilot-gate: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = EXIT.internal;
    },
  );
}

function version(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pkg = require('../../package.json') as { name: string; version: string };
  return `${pkg.name} ${pkg.version}`;
}
