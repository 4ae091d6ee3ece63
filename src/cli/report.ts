/**
 * What the command line prints: the table of pilots (one row per workbook, ranked when there are
 * several), the portfolio's totals, and each input problem as file, table, row, column and message.
 */
import { formatMoney, formatMonths, formatMultiple, formatPercent } from '../model/format';
import type { Finding, PilotRow, Portfolio } from '../usecases';
import { VERDICT_ORDER } from '../usecases';

const HEADER = ['Pilot', 'Verdict', 'NPV', 'ROI', 'Payback', 'Expansion', 'Blockers'];
/** What a simulation adds after NPV (SPEC §3.10). */
const SIMULATION_HEADER = ['P(NPV ≥ 0)', 'NPV P10', 'NPV P90'];
/** The text columns; every other is a figure, right-aligned. */
const LEFT = new Set(['Pilot', 'Verdict', 'Blockers']);

/**
 * The pilots as a text table, in the order given.
 *
 * @example
 *   pilotTable([pilotRow('claims.xlsx', result)])
 *   // Pilot        Verdict    NPV            ROI     Payback       Expansion  Blockers
 *   // claims.xlsx  NOT READY  $1,475,526  221.9%  13.1 months  3.175×  Production data audited; …
 *   pilotTable([pilotRow('claims.xlsx', result, simulateCase(input))])
 *   // Pilot        Verdict    NPV         P(NPV ≥ 0)  NPV P10     NPV P90     ROI  …
 */
export function pilotTable(rows: readonly PilotRow[]): string {
  const simulated = rows.some((r) => r.simulation !== null);
  const header = simulated ? [...HEADER.slice(0, 3), ...SIMULATION_HEADER, ...HEADER.slice(3)] : HEADER;
  const lines = [
    header,
    ...rows.map((r) => {
      const line = [
        r.name,
        r.verdict,
        formatMoney(r.npv, r.currency),
        r.roi === null ? 'none' : formatPercent(r.roi),
        r.paybackMonths === null ? 'never' : formatMonths(r.paybackMonths),
        r.expansion === null ? 'none' : formatMultiple(r.expansion),
        r.blockers.length === 0 ? 'none' : r.blockers.join('; '),
      ];
      return simulated ? [...line.slice(0, 3), ...simulationCells(r), ...line.slice(3)] : line;
    }),
  ];
  const widths = header.map((_, c) => Math.max(...lines.map((line) => line[c].length)));
  return lines
    .map((line) =>
      line
        .map((cell, c) => (c === line.length - 1 ? cell : LEFT.has(header[c]) ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** P(NPV ≥ 0), NPV P10 and P90 of a row, or "none" where the row was not simulated. */
function simulationCells(r: PilotRow): string[] {
  const s = r.simulation;
  if (s === null) return SIMULATION_HEADER.map(() => 'none');
  return [formatPercent(s.probabilityNpvNonNegative), formatMoney(s.npv.p10, r.currency), formatMoney(s.npv.p90, r.currency)];
}

/**
 * The portfolio's totals, one block per currency: NPV at stake by verdict and the production cost asked for.
 *
 * @example
 *   portfolioTotalsText(portfolio(rows))
 *   // NPV at stake (USD): SCALE $2,951,052 (2 pilots) · NOT READY $1,475,526 (1) · PIVOT $0 (0) · KILL −$48,112 (1)
 *   // Production cost asked for (USD, one-time + first-year run): $1,524,000 over 4 pilots
 */
export function portfolioTotalsText(p: Portfolio): string {
  return p.totals
    .map((t) => {
      const stakes = VERDICT_ORDER.map((v, i) => `${v} ${formatMoney(t.byVerdict[v].npv, t.currency)} (${t.byVerdict[v].pilots}${i === 0 ? ` pilot${t.byVerdict[v].pilots === 1 ? '' : 's'}` : ''})`);
      return [
        `NPV at stake (${t.currency}): ${stakes.join(' · ')}`,
        `Production cost asked for (${t.currency}, one-time + first-year run): ${formatMoney(t.productionCost, t.currency)} over ${t.pilots} pilot${t.pilots === 1 ? '' : 's'}`,
      ].join('\n');
    })
    .join('\n');
}

/** One input problem, for people and for --json: where it is and what is wrong. */
export interface ProblemLine {
  file: string;
  /** null for a problem with the file itself. */
  table: string | null;
  /** The table's row (1 = the header); null for the file or a whole table. */
  row: number | null;
  column: string | null;
  /** `Metrics!B3`, where the workbook says. */
  cell: string | null;
  message: string;
}

/**
 * A finding of a workbook as a problem line.
 *
 * @example
 *   problemOf('claims.xlsx', finding) // { file: 'claims.xlsx', table: 'Metrics', row: 3, column: 'Baseline', cell: 'Metrics!B3', message: '…' }
 */
export function problemOf(file: string, finding: Finding): ProblemLine {
  return {
    file,
    table: finding.table,
    row: finding.row > 0 ? finding.row : null,
    column: finding.column === '' ? null : finding.column,
    cell: finding.cell,
    message: finding.message,
  };
}

/**
 * A problem as one line: file, then table, row and column (and cell), then the message.
 *
 * @example
 *   problemText({ file: 'a.xlsx', table: 'Metrics', row: 3, column: 'Baseline', cell: 'Metrics!B3', message: 'text "N/A" is not a value' })
 *   // 'a.xlsx: Metrics row 3, column Baseline (Metrics!B3): text "N/A" is not a value'
 */
export function problemText(p: ProblemLine, severity: 'problem' | 'warning' = 'problem'): string {
  const where = [p.table, p.row !== null ? `row ${p.row}` : null].filter((x) => x !== null).join(' ');
  const place = [where, p.column !== null ? `column ${p.column}` : null].filter((x) => x !== null && x !== '').join(', ');
  const located = place === '' ? '' : `${place}${p.cell ? ` (${p.cell})` : ''}: `;
  return `${p.file}: ${severity === 'warning' ? 'warning: ' : ''}${located}${p.message}`;
}
