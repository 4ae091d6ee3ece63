/**
 * The command line's words: `pilot-gate evaluate <file.xlsx>... [options]`, read into options or
 * refused with a usage error (exit code 2). Options are declared once, as data, so that a new one
 * is one entry here and one line of help.
 */
import { DEFAULT_SEED, DEFAULT_TRIALS, MAX_TRIALS, ModelError } from '../model';
import { checkedSeed } from '../model/random';
import { checkedTrials } from '../model/simulate';

/** What `pilot-gate evaluate` was asked to do. */
export interface EvaluateOptions {
  files: string[];
  /** Print the full results as JSON instead of the table. */
  json: boolean;
  /** Write the block into a copy of the (one) workbook at this path. */
  write: string | null;
  /** Write the block into each workbook itself. */
  inPlace: boolean;
  /** Write the block as native spreadsheet formulas and values (no PILOT functions). */
  portable: boolean;
  /** Write the ranked portfolio as a workbook at this path. */
  portfolio: string | null;
  /** Simulate each case's ranged inputs (SPEC §3.10) and add P(NPV ≥ 0) and NPV P10 / P90 to its row. */
  simulate: boolean;
  /** Trials of the simulation; null: the engine's default (10,000). */
  trials: number | null;
  /** Seed of the simulation; null: the engine's default (1). */
  seed: number | null;
}

export type Command = { command: 'help'; topic: 'general' | 'evaluate' } | { command: 'version' } | ({ command: 'evaluate' } & EvaluateOptions);

/**
 * A mistake in how the command was called: the message says what to type instead.
 *
 * @example
 *   throw new UsageError('evaluate needs at least one .xlsx file');
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A count as the help writes it: 100,000. */
const count = (n: number): string => n.toLocaleString('en-US');

type Flag = 'json' | 'inPlace' | 'portable' | 'simulate';
type Valued = 'write' | 'portfolio';
type Numeric = 'trials' | 'seed';

/**
 * The options of `evaluate`: name, what it sets, the word its value is shown as, and its help
 * line; a whole-number option also names the engine's check of its range, so the command line
 * refuses what the engine would.
 */
const OPTIONS: readonly ({ name: string; help: string } & ({ flag: Flag } | { valued: Valued; value: string } | { numeric: Numeric; value: string; check: (n: number) => number }))[] = [
  { name: '--json', flag: 'json', help: 'print the full results (every figure, reason and action) as JSON' },
  { name: '--write', valued: 'write', value: '<out.xlsx>', help: 'write the output block into a copy of the workbook, as the task pane would (one workbook)' },
  { name: '--in-place', flag: 'inPlace', help: 'write the output block into each workbook itself' },
  { name: '--portable', flag: 'portable', help: 'with --write or --in-place: native formulas (NPV, IRR, …) and values only, no PILOT functions' },
  { name: '--portfolio', valued: 'portfolio', value: '<out.xlsx>', help: 'write the ranked portfolio as a workbook (one row per pilot, an Excel table)' },
  { name: '--simulate', flag: 'simulate', help: 'simulate the Low / High ranges: adds P(NPV ≥ 0) and NPV P10 / P90 to each row and the portfolio' },
  { name: '--trials', numeric: 'trials', value: '<N>', check: checkedTrials, help: `with --simulate: trials, a whole number from 1 to ${count(MAX_TRIALS)} (default ${count(DEFAULT_TRIALS)})` },
  { name: '--seed', numeric: 'seed', value: '<S>', check: checkedSeed, help: `with --simulate: seed, a whole number from 0 (default ${DEFAULT_SEED}); the same seed, the same figures` },
];

/**
 * What the arguments ask for.
 *
 * @example
 *   parseArgs(['evaluate', 'a.xlsx', '--json']) // { command: 'evaluate', files: ['a.xlsx'], json: true, … }
 *   parseArgs(['evaluate', 'a.xlsx', '--simulate', '--seed', '7']) // { …, simulate: true, trials: null, seed: 7 }
 *   parseArgs(['evaluate'])                     // throws UsageError
 *   parseArgs(['evaluate', 'a.xlsx', '--simulate', '--trials', '1e4']) // throws UsageError
 */
export function parseArgs(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('no command given');
  if (command === '--help' || command === '-h' || command === 'help') return { command: 'help', topic: rest[0] === 'evaluate' ? 'evaluate' : 'general' };
  if (command === '--version' || command === '-v') return { command: 'version' };
  if (command !== 'evaluate') throw new UsageError(`unknown command "${command}"`);
  if (rest.includes('--help') || rest.includes('-h')) return { command: 'help', topic: 'evaluate' };

  const options: EvaluateOptions = { files: [], json: false, write: null, inPlace: false, portable: false, portfolio: null, simulate: false, trials: null, seed: null };
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i];
    if (!word.startsWith('--') || word === '--') {
      if (word !== '--') options.files.push(word);
      else options.files.push(...rest.slice(i + 1));
      if (word === '--') break;
      continue;
    }
    const [name, inline] = word.includes('=') ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)] : [word, undefined];
    const option = OPTIONS.find((o) => o.name === name);
    if (!option) throw new UsageError(`unknown option "${name}"`);
    if ('flag' in option) {
      if (inline !== undefined) throw new UsageError(`${name} takes no value`);
      options[option.flag] = true;
      continue;
    }
    const value = inline ?? rest[++i];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(`${name} needs ${'numeric' in option ? 'a whole number' : 'a file'}: ${name} ${option.value}`);
    }
    if ('numeric' in option) options[option.numeric] = wholeNumber(name, value, option.check);
    else options[option.valued] = value;
  }
  check(options);
  return { command: 'evaluate', ...options };
}

/** The value of a whole-number option, checked as the engine checks it. */
function wholeNumber(name: string, text: string, check: (n: number) => number): number {
  // Digits only: "1e4", "10.0" and "0x10" are numbers to JavaScript but not what a person types for a count.
  const n = /^[0-9]+$/.test(text) ? Number(text) : NaN;
  try {
    return check(n);
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    throw new UsageError(`${name} ${text}: ${error.message.replace(/, got .*$/, '')}`);
  }
}

function check(o: EvaluateOptions): void {
  if (o.files.length === 0) throw new UsageError('evaluate needs at least one .xlsx file');
  if (o.write !== null && o.inPlace) throw new UsageError('--write and --in-place exclude each other: write a copy, or write into the workbooks');
  if (o.write !== null && o.files.length > 1) throw new UsageError('--write names one copy, so it takes one workbook; with several, use --in-place or --portfolio');
  for (const [name, value] of [['--trials', o.trials], ['--seed', o.seed]] as const) {
    if (value !== null && !o.simulate) throw new UsageError(`${name} sets the simulation: add --simulate`);
  }
  if (o.portable && o.write === null && !o.inPlace) throw new UsageError('--portable says how to write the block: add --write <out.xlsx> or --in-place');
  for (const [name, target] of [['--write', o.write], ['--portfolio', o.portfolio]] as const) {
    if (target !== null && !/\.xlsx$/i.test(target)) throw new UsageError(`${name} writes an .xlsx workbook: give a file name ending in .xlsx (got "${target}")`);
  }
  if (o.write !== null && o.portfolio !== null && o.write === o.portfolio) throw new UsageError('--write and --portfolio name the same file');
}

/**
 * The help text of a topic.
 *
 * @example
 *   helpText('evaluate').startsWith('Usage: pilot-gate evaluate') // true
 */
export function helpText(topic: 'general' | 'evaluate'): string {
  const options = OPTIONS.map((o) => `  ${`${o.name}${'value' in o ? ` ${o.value}` : ''}`.padEnd(24)}${o.help}`).join('\n');
  const evaluate = [
    'Usage: pilot-gate evaluate <file.xlsx>... [options]',
    '',
    'Finds the Metrics, Costs, Readiness, Ownership and Assumptions tables of each workbook (by table',
    'name, or by their headers, as the task pane does), evaluates the case and prints one row per',
    'workbook: verdict, NPV, ROI, payback, cost expansion and blockers. Several workbooks are a',
    'portfolio: ranked by verdict (SCALE, NOT READY, PIVOT, KILL), then NPV, with totals. With',
    '--simulate, the Low and High columns of Metrics and Costs are drawn as the PILOT.SIMULATE',
    'function draws them, and each row gains P(NPV ≥ 0) and NPV P10 / P90.',
    '',
    'Options:',
    options,
    '',
    'Exit codes: 0 every workbook evaluated; 1 input problems (each listed on stderr as file, table,',
    'row, column and message; the other workbooks are still evaluated); 2 usage error; 3 an error in',
    'pilot-gate itself.',
  ].join('\n');
  if (topic === 'evaluate') return evaluate;
  return ['pilot-gate: should each AI pilot go to production? SCALE, PIVOT, KILL or NOT READY.', '', evaluate, '', 'pilot-gate --help, pilot-gate --version'].join('\n');
}
