/**
 * The command line run in this process, as bin/pilot-gate.js runs it but with its output kept:
 * for tests of pilot-gate through real .xlsx files.
 */
import { main } from '../../src/cli/main';

/** What a run of the command line gave: its exit code and what it printed. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `pilot-gate argv…` in this process, stderr not a terminal and the clock at 1 May 2025 14:30.
 *
 * @example
 *   const { code, stdout } = await runCli('evaluate', 'sample.xlsx', '--json');
 */
export async function runCli(...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t), isTTY: false },
    now: () => new Date(2025, 4, 1, 14, 30),
  });
  return { code, stdout, stderr };
}
