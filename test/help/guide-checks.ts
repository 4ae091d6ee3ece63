/**
 * What each checked table of the user guide (docs/guide.md, `<!-- check: name -->`) must say,
 * worked out from the engine: the tables' columns and synonyms from the table contracts, the
 * defaults from the assumptions, each reading from the value parser or a small case run through
 * the engine, and the worked example from the sample case evaluated. A check returns every cell
 * that disagrees, so one run lists everything the guide would get wrong.
 */
import type { Block } from '../../src/help/markdown';
import { plainText } from '../../src/help/markdown';
import { ASSUMPTION_LABELS, DEFAULT_MULTIPLIERS, defaultAssumptions, readAssumptions } from '../../src/model/assumptions';
import { CATEGORY_LABELS } from '../../src/model/categories';
import { readCosts } from '../../src/model/costs';
import { ModelError } from '../../src/model/errors';
import { readVolume } from '../../src/model/metrics';
import { RACI_FUNCTIONS, STANDARD_GATES, namedPerson, parseStatus } from '../../src/model/readiness';
import { COSTS, MAX_TABLE_ROWS, METRICS, READINESS, readTable, type TableSpec } from '../../src/model/tables';
import { MAX_LISTED, QUOTED_CHARACTERS } from '../../src/model/format';
import { THRESHOLD_RANGES } from '../../src/model/thresholds';
import { TIMELINE_RANGES } from '../../src/model/timeline';
import { unitLabel } from '../../src/model/units';
import {
  SAMPLE_COSTS,
  SAMPLE_METRICS,
  SAMPLE_READINESS,
  DEFAULT_SEED,
  DEFAULT_TRIALS,
  MAX_TRIALS,
  checkCase,
  evaluateCase,
  parseValue,
  sampleCase,
  simulateCase,
  tornadoCase,
  type CaseResult,
  type Cell,
  type Grid,
  type ThresholdKind,
} from '../../src/model';
import { readyCase, withRun } from '../support/cases';
import { SAMPLE_COST_RANGES, SAMPLE_METRIC_RANGES, withSampleRanges } from '../support/ranges';
import { WORK_BUDGET } from '../../src/model/simulate';
import { cellProblem, figure, writtenFigure, type Expected } from './figures';

export type GuideTable = Extract<Block, { kind: 'table' }>;
/** Every cell of the table that disagrees with the engine, as "row 3, Score: reads …". */
export type GuideCheck = (table: GuideTable) => string[];

/** Compares a table with the header and rows it must have, cell by cell. */
function expectTable(table: GuideTable, header: readonly string[], rows: readonly (readonly Expected[])[]): string[] {
  const problems: string[] = [];
  const shownHeader = table.header.map(plainText);
  if (JSON.stringify(shownHeader) !== JSON.stringify(header)) problems.push(`header reads ${JSON.stringify(shownHeader)}, expected ${JSON.stringify(header)}`);
  if (table.rows.length !== rows.length) problems.push(`${table.rows.length} rows, expected ${rows.length}`);
  table.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const problem = r < rows.length ? cellProblem(cell, rows[r][c]) : null;
      if (problem) problems.push(`row ${r + 1}, ${header[c] || `column ${c + 1}`}: ${problem}`);
    }),
  );
  return problems;
}

/** Runs a check on each row, keyed by the row's first cells; a row with no check is a problem too. */
function perRow(table: GuideTable, header: readonly string[], keyColumns: number, checks: Readonly<Record<string, (reading: string) => string[]>>): string[] {
  const problems: string[] = [];
  const shownHeader = table.header.map(plainText);
  if (JSON.stringify(shownHeader) !== JSON.stringify(header)) problems.push(`header reads ${JSON.stringify(shownHeader)}, expected ${JSON.stringify(header)}`);
  for (const row of table.rows) {
    const key = row.slice(0, keyColumns).map(plainText).join(' | ');
    const check = checks[key];
    if (!check) problems.push(`no check for the row "${key}"`);
    else problems.push(...check(row[keyColumns]).map((p) => `"${key}": ${p}`));
  }
  return problems;
}

/** The texts of a cell's code spans, and its other words ("blank", "a number") after them. */
function spans(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
}

const yesNo = (b: boolean): string => (b ? 'yes' : 'no');

/** Whether a reading says the input is a problem, and whether the engine agrees. */
function problemReading(reading: string, engineSaysProblem: boolean): string[] {
  const says = plainText(reading).startsWith('a problem');
  if (says !== engineSaysProblem) return [says ? 'the guide says a problem, the engine reads it' : 'the engine finds a problem the guide does not say'];
  return [];
}

/** The first figure of a reading against the engine's value. */
function figureReading(reading: string, value: number | null | undefined): string[] {
  if (value === null || value === undefined) return [`the engine gives no value for "${plainText(reading)}"`];
  const problem = cellProblem(reading, { figure: value });
  return problem ? [problem] : [];
}

function columnsOf(spec: TableSpec, withRequired: boolean): Expected[][] {
  return spec.columns.map((c) => [c.name, c.synonyms.join(', '), ...(withRequired ? [yesNo(c.required === true)] : []), undefined]);
}

/** A sample cell as the guide shows it: a dash for blank, numbers grouped. */
function sampleCell(cell: Cell): Expected {
  if (cell === null) return '–';
  return typeof cell === 'number' ? figure(cell) : String(cell);
}

/** Runs of months with the same net amount (to the cent): "0–4", "11 on" for the run that lasts to the end. */
function monthlyRuns(result: CaseResult): Expected[][] {
  const runs: { from: number; to: number; net: number }[] = [];
  for (const m of result.monthly) {
    const last = runs[runs.length - 1];
    if (last && Math.round(last.net * 100) === Math.round(m.net * 100)) last.to = m.month;
    else runs.push({ from: m.month, to: m.month, net: m.net });
  }
  const end = result.monthly[result.monthly.length - 1].month;
  return runs.map((r) => [r.to === end ? `${r.from} on` : r.from === r.to ? `${r.from}` : `${r.from}–${r.to}`, figure(r.net)]);
}

/** A small case: one metric row under these headers, and one cost of 1,000 a year. */
function oneMetricCase(headers: string[], row: Cell[]) {
  return { metrics: [headers, row] as Grid, costs: [['Category', 'Annual'], ['Infrastructure', 1000]] as Grid };
}

const THRESHOLD_AS_PERCENT: Readonly<Record<ThresholdKind, boolean>> = { adoption: true, volume: false, cost: false, realization: true };

/** Every check the guide may name. */
export function guideChecks(): Readonly<Record<string, GuideCheck>> {
  const sample = evaluateCase(sampleCase());
  return {
    'metrics-columns': (t) => expectTable(t, ['Column', 'Also accepted', 'Required', 'What it holds'], columnsOf(METRICS, true)),
    'costs-columns': (t) => expectTable(t, ['Column', 'Also accepted', 'What it holds'], columnsOf(COSTS, false)),
    'readiness-columns': (t) => expectTable(t, ['Column', 'Also accepted', 'What it holds'], columnsOf(READINESS, false)),

    'standard-categories': (t) =>
      expectTable(
        t,
        ['Standard category', 'Default multiplier'],
        (Object.keys(CATEGORY_LABELS) as (keyof typeof CATEGORY_LABELS)[]).map((k) => [CATEGORY_LABELS[k], figure(DEFAULT_MULTIPLIERS[k])]),
      ),

    'standard-gates': (t) =>
      expectTable(
        t,
        ['Gate', 'Also accepted', 'Blocking'],
        STANDARD_GATES.map((g) => [g.name, g.accepted.join(', '), g.blocking ? (g.onlyWhenPresent ? 'yes, when the table has the row' : 'yes') : 'no']),
      ),

    'status-scores': (t) =>
      perRow(t, ['Status', 'Score'], 1, {
        'yes, done, TRUE': (s) => ['yes', 'done', 'TRUE', true].flatMap((cell) => scoreReading(cell, s)),
        partial: (s) => scoreReading('partial', s),
        'no, FALSE, blank': (s) => ['no', 'FALSE', false, null].flatMap((cell) => scoreReading(cell, s)),
        '0.8': (s) => [0.8, '0.8'].flatMap((cell) => scoreReading(cell, s)),
        '80%': (s) => scoreReading('80%', s),
        maybe: (s) => scoreReading('maybe', s),
      }),

    'owner-readings': (t) =>
      perRow(t, ['Owner', 'Reads as'], 1, {
        'Dana Whitfield': (s) => (namedPerson('Dana Whitfield') === plainText(s) ? [] : [`namedPerson gives ${namedPerson('Dana Whitfield')}`]),
        'TBD, TBA, ?, n/a, -, —, none, blank': (s) => [...spans('`TBD`, `TBA`, `?`, `n/a`, `-`, `—`, `none`'), null].flatMap((cell) => noOwner(cell, s)),
        'a number, TRUE': (s) => [0, 42, true].flatMap((cell) => noOwner(cell, s)),
      }),

    'raci-functions': (t) => expectTable(t, ['Production function'], RACI_FUNCTIONS.map((f) => [f.name])),

    assumptions: (t) => {
      const problems = expectTable(t, ['Name', 'Default', 'What it sets'], ASSUMPTION_LABELS.map((label) => [label, undefined, undefined]));
      const defaults = defaultAssumptions();
      const unset: Readonly<Record<string, unknown>> = { 'Transition months': defaults.transitionMonths, 'Approved production budget': defaults.approvedBudget };
      for (const row of t.rows) {
        const [name, written] = row.map(plainText);
        if (name in unset) {
          // No default value: the assumption is unset (null) until a row gives it.
          if (unset[name] !== null) problems.push(`${name}: the guide says it has no default, the engine's is ${String(unset[name])}`);
          continue;
        }
        // Writing the default the guide gives must leave every assumption at the engine's default.
        const read = readAssumptions([['Name', 'Value'], [name, written]]);
        if (read.problems.length > 0 || read.warnings.length > 0) problems.push(`${name} = ${written}: ${[...read.problems.map((p) => p.message), ...read.warnings].join('; ')}`);
        else if (JSON.stringify(read.assumptions) !== JSON.stringify(defaults)) problems.push(`${name} = ${written} is not the engine's default`);
      }
      return problems;
    },

    readings: (t) =>
      perRow(t, ['You write', 'Pilot Gate reads'], 1, Object.fromEntries(t.rows.map((row) => [plainText(row[0]), (reading: string) => valueReading(plainText(row[0]), reading)]))),

    'readings-in-context': (t) =>
      perRow(t, ['Where', 'You write', 'Pilot Gate reads'], 2, {
        'Metrics, Baseline and Target with Unit % | 30 and 15': (s) => {
          const result = evaluateCase(oneMetricCase(['Metric', 'Baseline', 'Target', 'Pilot', 'Unit'], ['Errors', 30, 15, 15, '%']));
          return figureReading(s, result.metrics[0].improvement);
        },
        'Metrics, Volume | 50000': (s) => volumeReading(50000, s, '/year'),
        'Metrics, Volume | 50,000 docs': (s) => volumeReading('50,000 docs', s, 'docs/year'),
        'Metrics, Volume of a metric in h/week | 25 employees': (s) => {
          const headers = ['Metric', 'Baseline', 'Target', 'Pilot', 'Unit', 'Volume', 'Value per unit'];
          const problems = checkCase(oneMetricCase(headers, ['Hours saved', 0, 200, 160, 'h/week', '25 employees', '$45/h']));
          return problemReading(s, problems.some((p) => p.table === 'Metrics' && p.column === 'Volume'));
        },
        'Metrics, Value per unit beside a metric in tickets/week | 14': (s) => {
          // 50 more tickets a week at the reading's price per ticket, over the 365.25 / 7 weeks of a year.
          const headers = ['Metric', 'Baseline', 'Target', 'Pilot', 'Unit', 'Value per unit', 'Direction'];
          const result = evaluateCase(oneMetricCase(headers, ['Tickets closed', 100, 150, 150, 'tickets/week', 14, 'higher']));
          const price = writtenFigure(s)?.value ?? NaN;
          const annual = result.metrics[0].annualValue ?? NaN;
          return [...figureReading(s, annual / (50 * (365.25 / 7))), ...(Math.abs(annual - 50 * price * (365.25 / 7)) < 1e-6 ? [] : [`a year is worth ${annual}`])];
        },
        'Metrics, Timeline | 90': (s) => {
          const result = evaluateCase(oneMetricCase(['Metric', 'Baseline', 'Target', 'Timeline'], ['Errors', '4.2%', '0.5%', 90]));
          return figureReading(s, result.metrics[0].timelineDays);
        },
        'Costs, Annual | $2,000/month': (s) => figureReading(s, readCosts([['Category', 'Annual'], ['Hosting', '$2,000/month']], defaultAssumptions()).annualRun),
        'Costs, Annual | $25k/month': (s) => figureReading(s, readCosts([['Category', 'Annual'], ['Hosting', '$25k/month']], defaultAssumptions()).annualRun),
        'Costs, Pilot or One-time | $2,000/month': (s) =>
          ['Pilot', 'One-time'].flatMap((column) => {
            const costs = readCosts([['Category', column, 'Annual'], ['Hosting', '$2,000/month', 1000]], defaultAssumptions());
            return problemReading(s, costs.problems.some((p) => p.column === column && p.row === 2)).map((p) => `${column}: ${p}`);
          }),
        'Costs, any money cell | (500)': (s) => {
          const costs = readCosts([['Category', 'Pilot', 'Annual'], ['Licences', '(500)', 1000], ['Hosting', 2000, 1000]], defaultAssumptions());
          const credit = costs.lines[0]?.pilot;
          const named = costs.warnings.some((w) => /row 2\b.*credit/.test(w));
          return [...figureReading(s, credit === undefined ? undefined : -credit), ...(costs.pilotTotal === 1500 ? [] : [`the total is ${costs.pilotTotal}`]), ...(named ? [] : ['the warnings do not name it'])];
        },
        'Assumptions, Max payback | 1.5 years': (s) => figureReading(s, readAssumptions([['Name', 'Value'], ['Max payback', '1.5 years']]).assumptions.maxPaybackMonths),
        'Assumptions, Transition months | 2.5': (s) =>
          problemReading(s, readAssumptions([['Name', 'Value'], ['Transition months', 2.5]]).problems.some((p) => p.row === 2 && p.column === 'Value')),
        'A column of words | the number 0': (s) => {
          const metrics = readTable([['Metric', 'Baseline', 'Target', 'Unit', 'Direction'], ['Errors', '4.2%', '0.5%', 0, 0]], METRICS);
          const blank = metrics.rows[0].cells.Unit === null && metrics.rows[0].cells.Direction === null && namedPerson(0) === null;
          return plainText(s) === 'a blank cell' && blank ? [] : ['the number 0 is not read as blank'];
        },
      }),

    'sample-metrics': (t) => {
      const header = ['Metric', 'Baseline', 'Target', 'Pilot', 'Timeline', 'Unit', 'Volume', 'Value per unit'];
      const at = header.map((h) => SAMPLE_METRICS[0].indexOf(h));
      return expectTable(t, header, SAMPLE_METRICS.slice(1).map((row) => at.map((i) => sampleCell(row[i]))));
    },

    'sample-costs': (t) => {
      const header = ['Category', 'Pilot', 'One-time', 'Annual'];
      const at = header.map((h) => SAMPLE_COSTS[0].indexOf(h));
      const rows = SAMPLE_COSTS.slice(1).map((row) => at.map((i) => sampleCell(row[i])));
      return expectTable(t, header, [...rows, ['Total', figure(sample.pilotTotal), figure(sample.oneTime), figure(sample.annualRun)]]);
    },

    'sample-gates': (t) => {
      const gates = sample.readiness.gates;
      const rows = SAMPLE_READINESS.slice(1).map((row, i) => {
        const gate = gates.find((g) => g.row === i + 2);
        return [String(row[0]), String(row[1]), String(row[2]), gate ? yesNo(gate.blocking) : 'missing', gate ? figure(gate.score) : 'missing'];
      });
      return expectTable(t, ['Gate', 'Status', 'Owner', 'Blocking', 'Score'], rows);
    },

    'sample-per-metric': (t) => {
      const rows: Expected[][] = sample.metrics.map((m) => [m.name, figure(m.improvement, m.unit === '' ? '' : m.unit), figure(m.gapClosed ?? NaN), yesNo(m.proven), figure(m.annualValue ?? NaN), figure(m.annualValueTarget ?? NaN)]);
      const sum = (values: (number | null)[]): number => values.reduce<number>((a, v) => a + (v ?? 0), 0);
      rows.push(['ΣA', '', '', '', figure(sum(sample.metrics.map((m) => m.annualValue))), figure(sum(sample.metrics.map((m) => m.annualValueTarget)))]);
      return expectTable(t, ['Metric', 'Δ', 'g', 'Proven', 'A, evidence', 'A, target'], rows);
    },

    'sample-expansion': (t) =>
      expectTable(t, ['Figure', 'Sample'], [
        ['Cost expansion multiple', figure(sample.expansion ?? NaN)],
        ['Expansion alarm', figure(sample.assumptions.expansionAlarm)],
      ]),

    'sample-cashflows': (t) => {
      const flows = sample.cashflows;
      const row = (label: string, pick: (f: (typeof flows)[number]) => number): Expected[] => [label, ...flows.map((f) => figure(pick(f)))];
      return expectTable(t, ['', ...flows.map((f) => `Year ${f.year}`)], [
        row('Benefits', (f) => f.benefits),
        row('Costs', (f) => f.costs),
        row('Net', (f) => f.net),
        row('Cumulative', (f) => f.cumulative),
      ]);
    },

    'sample-economics': (t) =>
      expectTable(t, ['Figure', 'Sample'], [
        ['NPV', figure(sample.npv)],
        ['IRR', figure(sample.irr ?? NaN)],
        ['ROI', figure(sample.roi ?? NaN)],
        ['Payback', figure(sample.paybackMonths ?? NaN, 'months')],
        ['PV benefits', figure(sample.pvBenefits)],
        ['PV costs', figure(sample.pvCosts)],
      ]),

    'sample-monthly': (t) => expectTable(t, ['Months', 'Net per month'], monthlyRuns(sample)),

    'table-limits': (t) =>
      expectTable(t, ['Limit', 'Value'], [
        ['Rows read in one table, blank rows not counted', figure(MAX_TABLE_ROWS)],
        ['Characters of a cell a message quotes', figure(QUOTED_CHARACTERS)],
        ['Items of one kind a list names', figure(MAX_LISTED)],
      ]),

    'simulation-limits': (t) =>
      expectTable(t, ['Setting', 'Value'], [
        ['Trials when not given', figure(DEFAULT_TRIALS)],
        ['Trials at most', figure(MAX_TRIALS)],
        ['Seed when not given', figure(DEFAULT_SEED)],
        ['Values one call may draw', figure(WORK_BUDGET)],
      ]),

    'sample-ranges': (t) => {
      const labelled = (grid: Grid, ranges: Cell[][]): Expected[][] => grid.slice(1).map((row, r) => [String(row[0]), sampleCell(ranges[r + 1][0]), sampleCell(ranges[r + 1][1])]);
      return expectTable(t, ['Metrics row or Costs row', 'Low', 'High'], [...labelled(SAMPLE_METRICS, SAMPLE_METRIC_RANGES), ...labelled(SAMPLE_COSTS, SAMPLE_COST_RANGES)]);
    },

    'sample-simulation': (t) => {
      const s = simulateCase(withSampleRanges());
      return expectTable(t, ['Figure', 'Sample with ranges'], [
        ['NPV P10', figure(s.npv.p10)],
        ['NPV P50', figure(s.npv.p50)],
        ['NPV P90', figure(s.npv.p90)],
        ['NPV mean', figure(s.npv.mean)],
        ['P(NPV ≥ 0)', figure(s.probabilityNpvNonNegative)],
        ['P(payback ≤ max)', figure(s.probabilityPaybackWithinMax)],
      ]);
    },

    'sample-tornado': (t) =>
      expectTable(
        t,
        ['Input', 'NPV at low', 'NPV at high', 'Swing'],
        tornadoCase(withSampleRanges())
          .slice(0, 3)
          .map((bar) => [bar.label, figure(bar.npvLow), figure(bar.npvHigh), figure(bar.swing)]),
      ),

    'sample-payback': (t) => {
      const payback = sample.paybackMonths ?? NaN;
      const k = Math.floor(payback);
      return expectTable(t, ['Figure', 'Sample'], [
        [`Cumulative at the end of month ${k - 1}`, figure(sample.monthly[k - 1].cumulative)],
        [`Net in month ${k}`, figure(sample.monthly[k].net)],
        ['Payback', figure(payback, 'months')],
      ]);
    },

    'threshold-ranges': (t) =>
      expectTable(
        t,
        ['Threshold', 'What varies', 'Range', 'Sample'],
        (Object.keys(THRESHOLD_RANGES) as ThresholdKind[]).map((kind) => {
          const [low, high] = THRESHOLD_RANGES[kind];
          const range = THRESHOLD_AS_PERCENT[kind] ? `${low * 100}% to ${high * 100}%` : `${low}× to ${high}×`;
          const value = sample.thresholds[kind];
          return [kind[0].toUpperCase() + kind.slice(1), undefined, range, typeof value === 'number' ? figure(value) : value];
        }),
      ),

    'sample-readiness': (t) =>
      expectTable(t, ['Figure', 'Sample'], [
        ['Readiness score', figure(sample.readiness.score)],
        ['Progress', figure(sample.readiness.progress)],
        ['Blockers', sample.readiness.blockers.join('; ')],
        ['Patterns', sample.readiness.patterns.join('; ')],
      ]),

    'timeline-ranges': (t) =>
      expectTable(
        t,
        ['Case', 'Months to go-live', 'When'],
        (Object.keys(TIMELINE_RANGES) as (keyof typeof TIMELINE_RANGES)[]).map((c) => [c[0].toUpperCase() + c.slice(1), `${TIMELINE_RANGES[c].low}–${TIMELINE_RANGES[c].high}`, undefined]),
      ),

    'verdict-rules': (t) => {
      // One real case for each verdict; each row of the guide's rule must hold for it.
      const cases = [evaluateCase(readyCase()), sample, evaluateCase(withRun(readyCase(), 800000)), evaluateCase(withRun(readyCase(), 2000000))];
      const problems = expectTable(t, ['E', 'P and R', 'B', 'Verdict', 'What it means'], cases.map((c) => [undefined, undefined, undefined, c.verdict, undefined]));
      const agrees = (written: string, actual: boolean): boolean => written === 'any' || written === yesNo(actual);
      t.rows.forEach((row, r) => {
        const c = cases[r];
        if (!c) return;
        const [e, pr, b] = row.map(plainText);
        if (!agrees(e, c.checks.economics) || !agrees(pr, c.checks.proof && c.checks.ready) || !agrees(b, c.checks.bestCase)) {
          problems.push(`row ${r + 1}: a ${c.verdict} case has E ${yesNo(c.checks.economics)}, P and R ${yesNo(c.checks.proof && c.checks.ready)}, B ${yesNo(c.checks.bestCase)}`);
        }
      });
      return problems;
    },

    'sample-verdict': (t) =>
      expectTable(t, ['Test', 'Sample'], [
        ['E', yesNo(sample.checks.economics)],
        ['P', yesNo(sample.checks.proof)],
        ['R', yesNo(sample.checks.ready)],
        ['B', yesNo(sample.checks.bestCase)],
        ['Verdict', sample.verdict],
      ]),

    'sample-actions': (t) =>
      expectTable(
        t,
        ['What to do', 'Owner', 'From'],
        sample.actions.map((a) => [undefined, a.owner ?? 'nobody named', `${a.table} row ${a.row}`]),
      ),
  };
}

/** A Status cell's score against the guide's reading: a figure, or "a problem on the cell". */
function scoreReading(cell: Cell, reading: string): string[] {
  const read = parseStatus(cell);
  if (plainText(reading).startsWith('a problem')) return read.ok ? [`${String(cell)} reads as ${read.score}, not a problem`] : [];
  if (!read.ok) return [`${String(cell)} is a problem: ${read.expected}`];
  return figureReading(reading, read.score).map((p) => `${String(cell)}: ${p}`);
}

function noOwner(cell: Cell, reading: string): string[] {
  if (plainText(reading) !== 'no owner') return [`unexpected reading "${plainText(reading)}"`];
  const person = namedPerson(cell);
  return person === null ? [] : [`${JSON.stringify(cell)} names ${person}`];
}

/** A Volume cell's reading: its number, and the unit per year it gets. */
function volumeReading(cell: Cell, reading: string, unit: string): string[] {
  const volume = readVolume(cell);
  const label = unitLabel(volume.unit);
  return [...figureReading(reading, volume.value), ...(label === unit ? [] : [`the engine reads it in ${label}`])];
}

/** A pasted text's reading: its value in the unit written after the figure, or a problem. */
function valueReading(text: string, reading: string): string[] {
  let value: number | null = null;
  let problem = false;
  const written = writtenFigure(reading);
  try {
    value = parseValue(text, plainText(reading).startsWith('a problem') ? undefined : written?.rest || undefined);
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    problem = true;
  }
  if (plainText(reading).startsWith('a problem') || problem) return problemReading(reading, problem);
  return figureReading(reading, value);
}
