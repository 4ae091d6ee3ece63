/**
 * Readiness gates, production ownership (RACI) and the stuck-pilot patterns (SPEC §2.3, §2.4, §3.6).
 *
 * The readiness score is a knock-out: the lowest score among blocking gates, so a missing
 * sponsor cannot be averaged away by a polished runbook. Progress, the mean over every gate,
 * is for tracking only.
 */
import type { Cell, Fraction, GateResult, Grid, MetricResult, Problem, ReadinessResult } from './types';
import { MAX_TABLE_ROWS, READINESS, cellText, filledRows, isBlank, readTable, tooManyRows, wordCell } from './tables';
import { append, smallest } from './lists';
import { MAX_LISTED, excerpt, quoted } from './format';
import { TextMap } from './text-map';

/** The stuck-pilot patterns of SPEC §3.6, in the order they are reported. */
export const PATTERNS = {
  sponsor: 'missing executive sponsor',
  integration: 'no path to integration',
  adoption: 'adoption limited to enthusiasts',
  workflow: 'workflow unchanged',
  metrics: 'success metrics unclear',
  useCase: 'wrong use case for scale',
} as const;

export type PatternKey = keyof typeof PATTERNS;
export type Pattern = (typeof PATTERNS)[PatternKey];

export type GateKey =
  | 'sponsor'
  | 'data'
  | 'infrastructure'
  | 'integration'
  | 'ownership'
  | 'metrics'
  | 'change'
  | 'workflow'
  | 'regulatory'
  | 'adoption'
  | 'runbook';

export interface StandardGate {
  key: GateKey;
  /** The name reported in results and reasons. */
  name: string;
  /** Other Gate texts accepted for it (besides the name). */
  accepted: readonly string[];
  blocking: boolean;
  /** Counted (in score, progress and blockers) only when the table has the row. */
  onlyWhenPresent: boolean;
}

/** SPEC §2.3's standard gates, in its order. */
export const STANDARD_GATES: readonly StandardGate[] = [
  gate('sponsor', 'Executive sponsor', ['Sponsor', 'Executive sponsorship']),
  gate('data', 'Production data audited', ['Production data audit', 'Data audited', 'Data audit']),
  gate('infrastructure', 'Infrastructure', ['Infra']),
  gate('integration', 'Integration path', ['Integration', 'Path to integration']),
  gate('ownership', 'Ownership', ['Owner', 'Production ownership']),
  gate('metrics', 'Success metrics in business terms', ['Success metrics', 'Business metrics']),
  gate('change', 'Change management plan', ['Change management']),
  gate('workflow', 'Workflow redesign', ['Workflow']),
  gate('regulatory', 'Regulatory review', ['Regulatory'], { onlyWhenPresent: true }),
  gate('adoption', 'Adoption beyond the pilot team', ['Adoption beyond pilot team', 'Adoption'], {
    blocking: false,
  }),
  gate(
    'runbook',
    'Operations runbook and rollback',
    ['Operations runbook', 'Runbook and rollback', 'Runbook', 'Rollback'],
    { blocking: false },
  ),
];

/** Standard gate names by key, for modules that look a gate up in a ReadinessResult. */
export const GATE_NAMES = Object.fromEntries(STANDARD_GATES.map((g) => [g.key, g.name])) as Record<
  GateKey,
  string
>;

/**
 * The six production functions an Ownership (RACI) table must name someone for (SPEC §2.4),
 * with a few short forms people write for them.
 */
export const RACI_FUNCTIONS: readonly { name: string; accepted: readonly string[] }[] = [
  { name: 'Production quality monitoring', accepted: ['Quality monitoring', 'Production monitoring'] },
  { name: 'Incident response', accepted: ['Incident management'] },
  { name: 'Model updates and versioning', accepted: ['Model updates', 'Model versioning'] },
  { name: 'Integration maintenance', accepted: [] },
  { name: 'User training and adoption', accepted: ['Training and adoption', 'User training'] },
  { name: 'Success-metric tracking', accepted: ['Metric tracking', 'Success tracking'] },
];

/** What a Status cell reads as: a score, or what was expected instead. */
export type StatusReading = { ok: true; score: Fraction } | { ok: false; expected: string };

/** The ownership (RACI) table, checked: `given` false when there is none. */
export interface OwnershipCheck {
  given: boolean;
  /** Each missing function or unnamed cell, naming the function and the column: the first MAX_LISTED. */
  gaps: string[];
  /** How many more gaps there are than `gaps` lists: a wide table of blanks is millions. */
  unlisted: number;
  warnings: string[];
  /** A table too long to read (MAX_TABLE_ROWS). */
  problems: Problem[];
}

export interface ReadinessEvaluation {
  result: ReadinessResult;
  problems: Problem[];
  warnings: string[];
}

const STATUS_EXPECTED =
  'expected yes, no, partial, done, TRUE or FALSE, a number from 0 to 1, or a percentage from 0% to 100%';

/** A Map, as the cell's text is the key: `constructor` must find nothing, not Object's constructor. */
const STATUS_WORDS: ReadonlyMap<string, Fraction> = new Map(Object.entries({ yes: 1, true: 1, done: 1, partial: 0.5, no: 0, false: 0 }));

/** A Status written as a plain number or a percentage: "0.8", "80%", "80 %". */
const NUMBER_TEXT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*(%?)$/;

/** Owner texts that name nobody (SPEC §2.3), after lower-casing and trimming. */
const NO_OWNER_WORDS = new Set(['tbd', 'tba', 'n/a', 'na', 'none']);
/** Owner texts made only of question marks, dashes and dots ("?", "-", "—", "…") name nobody too. */
const PLACEHOLDER_MARKS = /^[?\-–—.…]+$/;

/** A custom gate is blocking when its text ends with this marker (SPEC §2.3). */
const BLOCKING_MARK = /\(\s*blocking\s*\)$/i;

const STANDARD_BY_KEY = new Map<string, StandardGate>();
for (const g of STANDARD_GATES) {
  for (const text of [g.name, ...g.accepted]) STANDARD_BY_KEY.set(nameKey(text), g);
}

const RACI_BY_KEY = new Map<string, string>();
for (const f of RACI_FUNCTIONS) {
  for (const text of [f.name, ...f.accepted]) RACI_BY_KEY.set(nameKey(text), f.name);
}

/**
 * Evaluates the Readiness table and, when given, the Ownership (RACI) table (SPEC §3.6):
 * every gate's score, the knock-out readiness score, progress, blockers and the gate-based
 * stuck-pilot patterns. Never throws: bad Status cells come back as problems (their gate
 * scores 0), oddities as warnings. With no Readiness table every standard gate is "not assessed".
 *
 * The metric-based patterns ("success metrics unclear" from the metrics themselves, "wrong
 * use case for scale") need the metrics and the best-case NPV: see {@link withMetricPatterns}.
 *
 * @example
 *   const { result } = evaluateReadiness(
 *     [['Gate', 'Status', 'Owner'], ['Executive sponsor', 'yes', 'Dana'], ['Workflow', 'partial', 'Lee']],
 *     undefined,
 *   );
 *   result.score    // 0 (six blocking gates are not assessed)
 *   result.blockers // ['Production data audited', 'Infrastructure', ..., 'Workflow redesign']
 */
export function evaluateReadiness(readiness: Grid | undefined, ownership: Grid | undefined): ReadinessEvaluation {
  const problems: Problem[] = [];
  const warnings: string[] = [];
  const standardRows = new Map<GateKey, GateResult>();
  const customRows: GateResult[] = [];
  const firstRowOf = new TextMap<{ row: number; name: string }>();
  const raci = checkOwnership(ownership);
  append(warnings, raci.warnings);
  append(problems, raci.problems);

  if (readiness !== undefined && readiness !== null) {
    const table = readTable(readiness, READINESS);
    append(problems, table.problems);
    append(warnings, table.warnings);
    const hasGate = 'Gate' in table.columns;
    const hasStatus = 'Status' in table.columns;
    if (hasGate && !('Owner' in table.columns) && table.rows.length > 0) {
      warnings.push(
        'Readiness: no Owner column (also accepted: Responsible, Name), so every gate counts as unowned and scores 0.',
      );
    }

    for (const { row, cells } of hasGate ? table.rows : []) {
      const text = cellText(cells.Gate);
      if (text === '') {
        problems.push({
          table: 'Readiness',
          row,
          column: 'Gate',
          message: 'expected a gate name: a standard gate such as "Executive sponsor", or a custom gate',
        });
        continue;
      }
      const key = nameKey(text);
      const standard = STANDARD_BY_KEY.get(key);
      const name = standard ? standard.name : text;
      const identity = standard ? `standard:${standard.key}` : `custom:${key}`;
      const first = firstRowOf.get(identity);
      if (first) {
        warnings.push(
          `Readiness row ${row}: ${quoted(text)} repeats ${excerpt(first.name)} (row ${first.row}); only row ${first.row} counts.`,
        );
        continue;
      }
      firstRowOf.set(identity, { row, name });
      if (standard && !standard.blocking && BLOCKING_MARK.test(text)) {
        warnings.push(
          `Readiness row ${row}: "(blocking)" does not change a standard gate; ${standard.name} stays non-blocking.`,
        );
      }

      let statusScore: Fraction = 0;
      if (hasStatus) {
        const reading = parseStatus(cells.Status);
        if (reading.ok) statusScore = reading.score;
        else problems.push({ table: 'Readiness', row, column: 'Status', message: reading.expected });
      }
      const owner = namedPerson(cells.Owner);
      const notes: string[] = [];
      if (statusScore < 1) notes.push(`status ${statusLabel(cells.Status)}`);
      if (owner === null) notes.push('no named owner');
      let score = owner === null ? 0 : statusScore;
      if (standard?.key === 'ownership' && raci.given && raci.gaps.length > 0) {
        score = 0;
        append(notes, gapsListed(raci));
      }
      const result: GateResult = {
        gate: name,
        row,
        standard: standard !== undefined,
        blocking: standard ? standard.blocking : BLOCKING_MARK.test(text),
        score,
        passes: score >= 1,
        owner,
        evidence: cellText(cells.Evidence),
        note: score >= 1 ? '' : notes.join('; '),
      };
      if (standard) standardRows.set(standard.key, result);
      else customRows.push(result);
    }
  }

  const gates: GateResult[] = [];
  for (const standard of STANDARD_GATES) {
    const found = standardRows.get(standard.key);
    if (found) gates.push(found);
    else if (standard.key === 'ownership' && raci.given) gates.push(ownershipFromRaci(standard, raci));
    else if (!standard.onlyWhenPresent) gates.push(notAssessed(standard));
  }
  append(gates, customRows);

  return { result: summarize(gates), problems, warnings };
}

/**
 * Reads a Status cell (SPEC §3.6): yes/TRUE/done = 1, partial = 0.5, no/FALSE = 0, a number
 * from 0 to 1 or a percentage from 0% to 100% as given, blank = 0. Anything else is not a
 * status, and the reading says what was expected.
 *
 * @example
 *   parseStatus('Partial') // { ok: true, score: 0.5 }
 *   parseStatus('80%')     // { ok: true, score: 0.8 }
 *   parseStatus(true)      // { ok: true, score: 1 }
 *   parseStatus('maybe')   // { ok: false, expected: 'expected yes, no, partial, … got "maybe"' }
 */
export function parseStatus(cell: Cell | undefined): StatusReading {
  if (isBlank(cell)) return { ok: true, score: 0 };
  if (typeof cell === 'boolean') return { ok: true, score: cell ? 1 : 0 };
  if (typeof cell === 'number') return fractionInRange(cell, false, String(cell));
  const text = String(cell).trim();
  const word = STATUS_WORDS.get(text.toLowerCase());
  if (word !== undefined) return { ok: true, score: word };
  const number = NUMBER_TEXT.exec(text);
  if (number) {
    const percent = number[2] === '%';
    const value = Number(number[1]);
    return fractionInRange(percent ? value / 100 : value, percent, quoted(text));
  }
  return { ok: false, expected: `${STATUS_EXPECTED}; got ${quoted(text)}` };
}

/**
 * The person an Owner (or RACI) cell names, trimmed; null when it names nobody: blank,
 * `TBD`, `?`, `n/a`, `-` (any case), their close variants (`TBA`, `none`, `—`, `???`), or a
 * cell that holds no text at all (a number or TRUE/FALSE).
 *
 * @example
 *   namedPerson(' Dana Whitfield ') // 'Dana Whitfield'
 *   namedPerson('tbd')              // null
 *   namedPerson('-')                // null
 *   namedPerson('none')             // null
 *   namedPerson(0)                  // null (a number names nobody)
 */
export function namedPerson(cell: Cell | undefined): string | null {
  if (typeof cell !== 'string') return null;
  const text = cell.trim();
  if (text === '' || NO_OWNER_WORDS.has(text.toLowerCase()) || PLACEHOLDER_MARKS.test(text)) return null;
  return text;
}

/**
 * Checks an Ownership (RACI) table (SPEC §2.4): rows are production functions (first
 * column), and every other column with a header must name a person on every row. Each of the
 * six required functions must have a row. Function names are matched leniently, like headers
 * ("Model updates & versioning", "Success metric tracking").
 *
 * @example
 *   const check = checkOwnership([['Function', 'R', 'A'], ['Incident response', 'Sam', 'TBD']]);
 *   check.gaps[0] // 'Ownership row 2 "Incident response": no named person under "A"'
 *   check.gaps.length // 6: the gap above, then the five functions that have no row (up to MAX_LISTED; `unlisted` counts the rest)
 */
export function checkOwnership(grid: Grid | undefined): OwnershipCheck {
  if (grid === undefined || grid === null) return { given: false, gaps: [], unlisted: 0, warnings: [], problems: [] };
  const gaps: string[] = [];
  let unlisted = 0;
  // Only the gaps a note lists are worded; the rest are counted.
  const gap = (text: () => string): void => {
    if (gaps.length < MAX_LISTED) gaps.push(text());
    else unlisted += 1;
  };
  const warnings: string[] = [];
  const filled = filledRows(grid, (line) => line.every((cell) => isBlank(wordCell(cell))));
  if (filled.count > MAX_TABLE_ROWS) return { given: true, gaps, unlisted, warnings, problems: [tooManyRows('Ownership', 'Function', filled.count)] };
  // Every cell of a RACI table is a word (a function, a role, a person), so 0 is blank anywhere in it.
  const header = grid[0] ?? [];
  const roles: { index: number; header: string }[] = [];
  header.forEach((cell, index) => {
    if (index > 0 && !isBlank(wordCell(cell))) roles.push({ index, header: cellText(cell) });
  });
  if (roles.length === 0) {
    gap(() => 'the Ownership table has no role columns (R, A, C, I or role names) after its function column');
  }

  const named = new Set<string>();
  for (const r of filled.rows) {
    const line = grid[r];
    const fn = cellText(wordCell(line[0]));
    if (fn === '') {
      warnings.push(`Ownership row ${r + 1} has no function in its first column; it is ignored.`);
      continue;
    }
    const required = RACI_BY_KEY.get(nameKey(fn));
    if (required) named.add(required);
    for (const role of roles) {
      if (namedPerson(line[role.index]) === null) {
        gap(() => `Ownership row ${r + 1} ${quoted(fn)}: no named person under ${quoted(role.header)}`);
      }
    }
  }
  for (const f of RACI_FUNCTIONS) {
    if (!named.has(f.name)) gap(() => `the Ownership table has no row for ${f.name.toLowerCase()}`);
  }
  return { given: true, gaps, unlisted, warnings, problems: [] };
}

/**
 * True when the metrics leave "success metrics unclear" (SPEC §3.6): some metric has no money
 * value, no pilot figure, or no Timeline (a target without a date is a wish).
 *
 * @example
 *   metricsUnclear([{ annualValue: 375000, hasPilot: true, timelineDays: 90 }]) // false
 *   metricsUnclear([{ annualValue: null, hasPilot: true, timelineDays: 90 }])   // true
 */
export function metricsUnclear(
  metrics: readonly Pick<MetricResult, 'annualValue' | 'hasPilot' | 'timelineDays'>[],
): boolean {
  return metrics.some((m) => m.annualValue === null || !m.hasPilot || m.timelineDays === null);
}

/**
 * The full pattern list: the gate-based patterns of a ReadinessResult plus the ones only the
 * verdict can judge, without duplicates and in PATTERNS order.
 *
 * @example
 *   withMetricPatterns(['workflow unchanged'], { metricsUnclear: true, wrongUseCase: false })
 *   // ['workflow unchanged', 'success metrics unclear']
 */
export function withMetricPatterns(
  gatePatterns: readonly string[],
  found: { metricsUnclear: boolean; wrongUseCase: boolean },
): string[] {
  const all = new Set<string>(gatePatterns);
  if (found.metricsUnclear) all.add(PATTERNS.metrics);
  if (found.wrongUseCase) all.add(PATTERNS.useCase);
  const order: readonly string[] = Object.values(PATTERNS);
  return [...all].sort((a, b) => rank(order, a) - rank(order, b));
}

/**
 * The key a gate or function name is matched by: like a header (case- and space-insensitive),
 * and also ignoring punctuation, a trailing parenthesis, "&" for "and", and a plural "s".
 *
 * @example
 *   nameKey('Infrastructure (volume, latency, uptime SLA)') === nameKey('infrastructure') // true
 *   nameKey('Model updates & versioning') === nameKey('model update and versioning')      // true
 */
export function nameKey(text: string): string {
  return stripTrailingParenthesis(text)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .map((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word))
    .join('');
}

function gate(
  key: GateKey,
  name: string,
  accepted: readonly string[],
  options: { blocking?: boolean; onlyWhenPresent?: boolean } = {},
): StandardGate {
  return { key, name, accepted, blocking: options.blocking ?? true, onlyWhenPresent: options.onlyWhenPresent ?? false };
}

/** "Infrastructure (volume, latency (p99))" → "Infrastructure"; a text that is all parenthesis stays. */
function stripTrailingParenthesis(text: string): string {
  let rest = text.trim();
  while (rest.endsWith(')')) {
    let depth = 0;
    let open = -1;
    for (let i = rest.length - 1; i >= 0; i--) {
      if (rest[i] === ')') depth++;
      else if (rest[i] === '(' && --depth === 0) {
        open = i;
        break;
      }
    }
    if (open <= 0) break;
    rest = rest.slice(0, open).trim();
  }
  return rest;
}

function fractionInRange(value: number, percent: boolean, shown: string): StatusReading {
  if (Number.isFinite(value) && value >= 0 && value <= 1) return { ok: true, score: value === 0 ? 0 : value };
  if (percent) return { ok: false, expected: `expected a percentage from 0% to 100%; got ${shown}` };
  const looksLikePercent = Number.isFinite(value) && value > 1 && value <= 100;
  const hint = looksLikePercent ? ` (for ${value}%, write ${value}% or ${value / 100})` : '';
  return { ok: false, expected: `expected a number from 0 to 1 or a percentage from 0% to 100%; got ${shown}${hint}` };
}

function statusLabel(cell: Cell | undefined): string {
  if (isBlank(cell)) return 'blank';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return excerpt(cellText(cell));
}

/** The Ownership table's gaps as a gate's note lists them: the first few, then how many more. */
function gapsListed(raci: OwnershipCheck): string[] {
  return raci.unlisted === 0 ? raci.gaps : [...raci.gaps, `and ${raci.unlisted.toLocaleString('en-US')} more gaps in the Ownership table`];
}

function notAssessed(standard: StandardGate): GateResult {
  return {
    gate: standard.name,
    row: null,
    standard: true,
    blocking: standard.blocking,
    score: 0,
    passes: false,
    owner: null,
    evidence: '',
    note: 'not assessed',
  };
}

/** With no Ownership row, the gate stands on the RACI table alone (SPEC §3.6). */
function ownershipFromRaci(standard: StandardGate, raci: OwnershipCheck): GateResult {
  const passes = raci.gaps.length === 0;
  return {
    gate: standard.name,
    row: null,
    standard: true,
    blocking: standard.blocking,
    score: passes ? 1 : 0,
    passes,
    owner: null,
    evidence: passes ? 'every production function has a named person in the Ownership table' : '',
    note: gapsListed(raci).join('; '),
  };
}

function summarize(gates: GateResult[]): ReadinessResult {
  const blocking = gates.filter((g) => g.blocking);
  // Knock-out: the weakest blocking gate decides; an average would hide a missing sponsor.
  const score = smallest(blocking.map((g) => g.score), 1);
  const progress = gates.length === 0 ? 0 : gates.reduce((sum, g) => sum + g.score, 0) / gates.length;
  const fails = (key: GateKey): boolean => !gates.some((g) => g.standard && g.gate === GATE_NAMES[key] && g.passes);
  const patterns: string[] = [];
  if (fails('sponsor')) patterns.push(PATTERNS.sponsor);
  if (fails('integration')) patterns.push(PATTERNS.integration);
  if (fails('adoption')) patterns.push(PATTERNS.adoption);
  if (fails('workflow')) patterns.push(PATTERNS.workflow);
  if (fails('metrics')) patterns.push(PATTERNS.metrics);
  return {
    score,
    progress,
    blockers: blocking.filter((g) => !g.passes).map((g) => g.gate),
    patterns,
    gates,
  };
}

function rank(order: readonly string[], pattern: string): number {
  const index = order.indexOf(pattern);
  return index === -1 ? order.length : index;
}
