/**
 * The third renderer of the block plan (beside live PILOT formulas and values): native spreadsheet
 * formulas wherever a figure can be written so, values elsewhere, so that the block recalculates
 * in any spreadsheet without the add-in — Excel 2016 and LibreOffice 7.4 included, so no LET and no
 * dynamic arrays: one formula per cell.
 *
 * What is a formula: the cash flows' Net row (Benefits − Costs) and Cumulative row (a running
 * sum), NPV and PV benefits / PV costs (`=CF0+NPV(rate,CF1:CFn)`, SPEC §3.4), IRR (`=IRR(CF0:CFn)`),
 * ROI, the cost expansion multiple ((one-time + annual) / pilot), and the volume and cost
 * thresholds (PV costs / PV benefits and its inverse: NPV is linear in either, SPEC §7). What stays
 * a value: the Benefits and Costs rows themselves (the monthly engine's units, ramp and risk
 * adjustments have no spreadsheet form), payback (monthly), the adoption and realization
 * thresholds (found by a solver), readiness, timeline, verdict and reasons. A figure with no value
 * (IRR "none", a threshold "never") stays the text the summary gives, never a formula that errs.
 * Figures are found by name and summary rows by label, so the renderer follows the plan's layout.
 */
import type { Cell } from '../model/types';
import { cellA1 } from '../workbook/a1';
import type { CellAddress, WriteOp } from '../workbook/port';
import type { BlockFigure, BlockPlan } from './block';
import { placedBlock, valueGrid, type LiveBlockOptions } from './block-render';

/** The note beside the title in a portable block. */
export const PORTABLE_NOTE = 'Spreadsheet formulas and values only: it recalculates in any spreadsheet, without the add-in. Figures the add-in alone computes are values.';

/** What the portable formulas need beyond the plan: the case's discount rate. */
export interface PortableFacts {
  /** Annual discount rate, a fraction (SPEC §2.5). */
  discountRate: number;
}

/**
 * The block with native formulas where a figure can be one, placed as a live block is placed.
 *
 * @example
 *   await port.write(renderPortableBlock(plan, { sheet: 'Pilot Gate', row: 0, column: 0 }, { newSheet: true, previous: null, nameDefined: false }, { discountRate: 0.1 }));
 */
export function renderPortableBlock(plan: BlockPlan, at: CellAddress, options: LiveBlockOptions, facts: PortableFacts): WriteOp[] {
  const grid = valueGrid(plan, PORTABLE_NOTE);
  const ref = (row: number, column: number): string => cellA1(at.row + row, at.column + column);
  const formula = (row: number, column: number, native: string): void => {
    const value = grid.cells[row]?.[column];
    if (value === undefined || (typeof value === 'object' && value !== null)) return;
    grid.cells[row][column] = { native: `=${native}`, value: value as Cell };
  };
  const rate = numberText(facts.discountRate);

  // The cash flows: a header row, then Benefits, Costs, Net, Cumulative; a label column, then Year 0 … n.
  const flows = rowsByLabel(plan.figures.find((f) => f.name === 'cashflows'));
  const benefits = flows.get('Benefits');
  const costs = flows.get('Costs');
  const net = flows.get('Net');
  const cumulative = flows.get('Cumulative');
  const years = benefits ? benefits.columns : 0;
  if (benefits && costs && net) {
    for (let y = 0; y < years; y++) formula(net.row, net.column + y, `${ref(benefits.row, benefits.column + y)}-${ref(costs.row, costs.column + y)}`);
  }
  if (net && cumulative) {
    for (let y = 0; y < years; y++) {
      formula(cumulative.row, cumulative.column + y, y === 0 ? ref(net.row, net.column) : `${ref(cumulative.row, cumulative.column + y - 1)}+${ref(net.row, net.column + y)}`);
    }
  }
  /** `=CF0+NPV(rate,CF1:CFn)` over a cash-flow row: exactly SPEC §3.4's discounting. */
  const presentValue = (row: { row: number; column: number }): string =>
    years > 1 ? `${ref(row.row, row.column)}+NPV(${rate},${ref(row.row, row.column + 1)}:${ref(row.row, row.column + years - 1)})` : ref(row.row, row.column);

  // The summary: Figure | Value rows, found by their labels.
  const summary = rowsByLabel(plan.figures.find((f) => f.name === 'summary'));
  const cell = (label: string): string | null => {
    const s = summary.get(label);
    return s ? ref(s.row, s.column) : null;
  };
  const numeric = (label: string): boolean => typeof summary.get(label)?.value === 'number';
  /** A summary figure as a formula, where the engine gives it a number (text such as "none (PV costs is 0)" stays text). */
  const put = (label: string, native: string): void => {
    const s = summary.get(label);
    if (s && typeof s.value === 'number') formula(s.row, s.column, native);
  };
  if (net) put('NPV', presentValue(net));
  if (net && years > 1) put('IRR', `IRR(${ref(net.row, net.column)}:${ref(net.row, net.column + years - 1)})`);
  if (benefits) put('PV benefits', presentValue(benefits));
  if (costs) put('PV costs', presentValue(costs));
  const pvBenefits = cell('PV benefits');
  const pvCosts = cell('PV costs');
  if (pvBenefits && pvCosts && numeric('PV benefits') && numeric('PV costs')) {
    put('ROI (risk-adjusted)', `(${pvBenefits}-${pvCosts})/${pvCosts}`);
    put('Volume threshold (× planned)', `${pvCosts}/${pvBenefits}`);
    put('Cost threshold (× planned)', `${pvBenefits}/${pvCosts}`);
    for (const figure of plan.figures) {
      if (figure.name === 'volume' && figure.outcome.ok && typeof figure.outcome.value === 'number') formula(figure.row, figure.column, `${pvCosts}/${pvBenefits}`);
      if (figure.name === 'cost' && figure.outcome.ok && typeof figure.outcome.value === 'number') formula(figure.row, figure.column, `${pvBenefits}/${pvCosts}`);
    }
  }
  const oneTime = cell('Production one-time');
  const annual = cell('Production annual');
  const pilot = cell('Pilot cost');
  if (oneTime && annual && pilot) put('Cost expansion (× pilot)', `(${oneTime}+${annual})/${pilot}`);

  return placedBlock(plan, at, options, [{ op: 'cells', at, cells: grid.cells, numberFormats: grid.numberFormats }, ...grid.looks(at)]);
}

/**
 * A spilled figure's rows by the label in their first column: where the row's values start (the
 * column after the label, as offsets in the block), how many there are, and the first value.
 */
function rowsByLabel(figure: BlockFigure | undefined): Map<string, { row: number; column: number; columns: number; value: unknown }> {
  const rows = new Map<string, { row: number; column: number; columns: number; value: unknown }>();
  if (!figure || !figure.outcome.ok || !Array.isArray(figure.outcome.value)) return rows;
  figure.outcome.value.forEach((line, r) => {
    if (typeof line[0] === 'string' && !rows.has(line[0])) {
      rows.set(line[0], { row: figure.row + r, column: figure.column + 1, columns: line.length - 1, value: line[1] });
    }
  });
  return rows;
}

/** A number as formula text that reads back as the same number. */
function numberText(n: number): string {
  return Object.is(n, -0) ? '0' : String(n);
}
