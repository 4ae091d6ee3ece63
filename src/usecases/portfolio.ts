/**
 * A portfolio of pilots: one row per evaluated workbook, ranked by verdict (SCALE, NOT READY,
 * PIVOT, KILL — what can go to production first) and then by NPV, with the totals a governance
 * board reads: the NPV at stake under each verdict and the production cost the pilots ask for
 * (one-time plus the first year's run), per currency, since there are no exchange rates. Rows are
 * small and kept; each workbook's case is dropped once its row is taken, so a portfolio of
 * thousands of workbooks stays small. The portfolio can be written as a sheet (an Excel table,
 * verdicts in Excel's Good / Neutral / Bad colours) through any workbook port.
 */
import type { CaseResult, Money, Months, Simulation, Verdict } from '../model/types';
import { localStamp } from '../workbook/names';
import type { RangeAddress, WriteCell, WriteOp } from '../workbook/port';
import { VERDICT_COLOURS, moneyFormat } from './formats';

/** Verdicts in the order a portfolio ranks them. */
export const VERDICT_ORDER: readonly Verdict[] = ['SCALE', 'NOT READY', 'PIVOT', 'KILL'];

/** One pilot's row: the figures a board compares, from its evaluated case. */
export interface PilotRow {
  /** Where it came from (the workbook's file, as given). */
  name: string;
  verdict: Verdict;
  npv: Money;
  /** null when PV costs is 0. */
  roi: number | null;
  /** null for never. */
  paybackMonths: Months | null;
  /** null when the pilot cost is 0. */
  expansion: number | null;
  blockers: string[];
  oneTime: Money;
  annualRun: Money;
  currency: string;
  /** The simulation of its ranged inputs (SPEC §3.10) when one was asked for; else null. */
  simulation: Simulation | null;
}

/** The totals of the pilots in one currency. */
export interface PortfolioTotals {
  currency: string;
  pilots: number;
  /** NPV at stake and pilots under each verdict. */
  byVerdict: Record<Verdict, { pilots: number; npv: Money; productionCost: Money }>;
  /** One-time plus first-year run cost, summed over every pilot: what the portfolio asks for. */
  productionCost: Money;
}

export interface Portfolio {
  /** Best first: by verdict in VERDICT_ORDER, then NPV from highest, then name. */
  ranked: PilotRow[];
  /** One entry per currency, in the order the currencies first appear in the ranking. */
  totals: PortfolioTotals[];
}

/**
 * A pilot's row from its evaluated case, and its simulation when there is one.
 *
 * @example
 *   pilotRow('claims.xlsx', evaluateCase(sampleCase())) // { name: 'claims.xlsx', verdict: 'NOT READY', npv: 1475525.90…, simulation: null, … }
 *   pilotRow('claims.xlsx', result, simulateCase(input, { seed: 7 })).simulation?.npv.p10
 */
export function pilotRow(name: string, result: CaseResult, simulation: Simulation | null = null): PilotRow {
  return {
    name,
    verdict: result.verdict,
    npv: result.npv,
    roi: result.roi,
    paybackMonths: result.paybackMonths,
    expansion: result.expansion,
    blockers: [...result.readiness.blockers],
    oneTime: result.oneTime,
    annualRun: result.annualRun,
    currency: result.assumptions.currency,
    simulation,
  };
}

/**
 * The pilots ranked, with their totals.
 *
 * @example
 *   const { ranked, totals } = portfolio(rows);
 *   ranked[0].verdict   // 'SCALE' when any pilot scales
 *   totals[0].byVerdict.KILL.npv
 */
export function portfolio(rows: readonly PilotRow[]): Portfolio {
  const ranked = [...rows].sort(
    (a, b) => VERDICT_ORDER.indexOf(a.verdict) - VERDICT_ORDER.indexOf(b.verdict) || b.npv - a.npv || a.name.localeCompare(b.name),
  );
  const totals = new Map<string, PortfolioTotals>();
  for (const row of ranked) {
    let t = totals.get(row.currency);
    if (!t) {
      const empty = () => ({ pilots: 0, npv: 0, productionCost: 0 });
      t = { currency: row.currency, pilots: 0, byVerdict: { SCALE: empty(), 'NOT READY': empty(), PIVOT: empty(), KILL: empty() }, productionCost: 0 };
      totals.set(row.currency, t);
    }
    const cost = row.oneTime + row.annualRun;
    t.pilots++;
    t.productionCost += cost;
    t.byVerdict[row.verdict].pilots++;
    t.byVerdict[row.verdict].npv += row.npv;
    t.byVerdict[row.verdict].productionCost += cost;
  }
  return { ranked, totals: [...totals.values()] };
}

/** A column of the portfolio table: header, how a row fills it, its number format (null: General) and width. */
interface Column {
  header: string;
  cell: (row: PilotRow, rank: number) => WriteCell;
  format: (row: PilotRow) => string | null;
  width: number;
}

const column = (header: string, width: number, cell: Column['cell'], format: Column['format'] = () => null): Column => ({ header, cell, format, width });
const money = (row: PilotRow): string => moneyFormat(row.currency);

const COLUMNS: readonly Column[] = [
  column('Rank', 40, (_row, rank) => rank, () => '0'),
  column('Pilot', 200, (row) => row.name, () => '@'),
  column('Verdict', 80, (row) => row.verdict),
  column('NPV', 110, (row) => row.npv, money),
  column('ROI', 60, (row) => row.roi ?? 'none', () => '0.0%'),
  column('Payback (months)', 90, (row) => row.paybackMonths ?? 'never', () => '0.0'),
  column('Cost expansion (× pilot)', 110, (row) => row.expansion ?? 'none', () => '0.00"×"'),
  column('Production one-time', 110, (row) => row.oneTime, money),
  column('Production annual', 110, (row) => row.annualRun, money),
  column('Currency', 60, (row) => row.currency),
  column('Blockers', 300, (row) => (row.blockers.length === 0 ? 'none' : row.blockers.join('; ')), () => '@'),
];

/** The columns a simulated portfolio adds after NPV: how sure each pilot's NPV is (SPEC §3.10). */
const SIMULATION_COLUMNS: readonly Column[] = [
  column('P(NPV ≥ 0)', 80, (row) => row.simulation?.probabilityNpvNonNegative ?? 'none', () => '0.0%'),
  column('NPV P10', 110, (row) => row.simulation?.npv.p10 ?? 'none', money),
  column('NPV P90', 110, (row) => row.simulation?.npv.p90 ?? 'none', money),
];

/** The columns of this portfolio: the simulation's only when some pilot was simulated. */
function columnsOf(p: Portfolio): readonly Column[] {
  if (!p.ranked.some((row) => row.simulation !== null)) return COLUMNS;
  const afterNpv = COLUMNS.findIndex((c) => c.header === 'NPV') + 1;
  return [...COLUMNS.slice(0, afterNpv), ...SIMULATION_COLUMNS, ...COLUMNS.slice(afterNpv)];
}

/** The table of pilots starts on this row (0-based), below a title and a line saying how it is ranked. */
const TABLE_ROW = 3;

/**
 * The portfolio as a new sheet: a title, the ranked pilots as an Excel table named `table`
 * (verdicts coloured by a rule that follows the cell), and below it the totals by verdict per
 * currency.
 *
 * @example
 *   await port.write(planPortfolioSheet(portfolio(rows), 'Portfolio', 'Portfolio', new Date()));
 */
export function planPortfolioSheet(p: Portfolio, sheet: string, table: string, now: Date): WriteOp[] {
  const columns = columnsOf(p);
  const header: WriteCell[] = columns.map((c) => c.header);
  const rows: WriteCell[][] = p.ranked.map((row, i) => columns.map((c) => c.cell(row, i + 1)));
  const formats: string[][] = [columns.map(() => '@'), ...p.ranked.map((row) => columns.map((c) => c.format(row) ?? 'General'))];
  const tableRange: RangeAddress = { sheet, row: TABLE_ROW, column: 0, rows: p.ranked.length + 1, columns: columns.length };
  const verdicts: RangeAddress = { sheet, row: TABLE_ROW + 1, column: columns.findIndex((c) => c.header === 'Verdict'), rows: Math.max(1, p.ranked.length), columns: 1 };
  const totalsAt = TABLE_ROW + p.ranked.length + 2;
  const totals: WriteCell[][] = [['NPV at stake by verdict', 'Currency', 'Pilots', 'NPV', 'Production cost asked for']];
  const totalFormats: string[][] = [['@', '@', '@', '@', '@']];
  for (const t of p.totals) {
    for (const verdict of VERDICT_ORDER) {
      const v = t.byVerdict[verdict];
      totals.push([verdict, t.currency, v.pilots, v.npv, v.productionCost]);
      totalFormats.push(['General', 'General', '0', moneyFormat(t.currency), moneyFormat(t.currency)]);
    }
    totals.push(['All pilots', t.currency, t.pilots, VERDICT_ORDER.reduce((sum, v) => sum + t.byVerdict[v].npv, 0), t.productionCost]);
    totalFormats.push(['General', 'General', '0', moneyFormat(t.currency), moneyFormat(t.currency)]);
  }
  return [
    { op: 'addSheet', sheet },
    {
      op: 'cells',
      at: { sheet, row: 0, column: 0 },
      cells: [['Pilot Gate portfolio'], [`${p.ranked.length} pilot${p.ranked.length === 1 ? '' : 's'} evaluated ${localStamp(now)}, ranked by verdict (${VERDICT_ORDER.join(', ')}), then NPV.${simulatedText(p)}`]],
    },
    { op: 'style', range: { sheet, row: 0, column: 0, rows: 1, columns: 1 }, style: { bold: true } },
    { op: 'style', range: { sheet, row: 1, column: 0, rows: 1, columns: 1 }, style: { italic: true } },
    { op: 'cells', at: { sheet, row: TABLE_ROW, column: 0 }, cells: [header, ...rows], numberFormats: formats },
    { op: 'table', name: table, range: tableRange },
    { op: 'colourRules', range: verdicts, rules: Object.entries(VERDICT_COLOURS).map(([equals, c]) => ({ equals, fill: c.fill, fontColor: c.fontColor })) },
    { op: 'cells', at: { sheet, row: totalsAt, column: 1 }, cells: totals, numberFormats: totalFormats },
    { op: 'style', range: { sheet, row: totalsAt, column: 1, rows: 1, columns: 5 }, style: { bold: true } },
    ...columns.map((c, i): WriteOp => ({ op: 'columnWidth', sheet, column: i, width: c.width })),
    { op: 'show', range: { sheet, row: TABLE_ROW + 1, column: 0, rows: 1, columns: 1 } },
  ];
}

/** How the pilots were simulated, for the line under the title; '' when none was. */
function simulatedText(p: Portfolio): string {
  const run = p.ranked.find((row) => row.simulation !== null)?.simulation;
  return run ? ` P(NPV ≥ 0), NPV P10 and P90 from ${run.trials.toLocaleString('en-US')} trials, seed ${run.seed}.` : '';
}
