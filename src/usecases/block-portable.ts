/**
 * The third renderer of the block plan (beside live PILOT formulas and values): native spreadsheet
 * formulas wherever a figure can be written so, values elsewhere, so that the block recalculates
 * in any spreadsheet without the add-in — Excel 2016 and LibreOffice 7.4 included, so no LET and no
 * dynamic arrays: one formula per cell.
 *
 * What is a formula: every figure of the plan that is native already (Excel's own NPV and IRR on
 * the Net row and their checks); the cash flows' Net row (Benefits − Costs) and Cumulative row (a
 * running sum); NPV, PV benefits and PV costs (`=CF0+NPV(rate,CF1:CFn)`, SPEC §3.4, at the block's
 * Discount rate cell); IRR (`=IRR(CF0:CFn)`); ROI; the cost expansion ((one-time + annual) /
 * pilot); and the volume and cost thresholds (PV costs / PV benefits and its inverse: NPV is
 * linear in either, SPEC §7). What stays a value: the Benefits and Costs rows themselves (the
 * monthly engine's units, ramp and risk adjustments have no spreadsheet form), payback (monthly),
 * the adoption and realization thresholds (found by a solver), readiness, timeline, verdict,
 * actions and reasons. A figure with no number (IRR "none", a threshold "never") stays the text
 * the plan gives, never a formula that errs. Figures are found by name and details by label, so
 * the renderer follows the plan's layout.
 */
import type { Cell } from '../model/types';
import type { CellAddress, FormulaArg, FormulaSpec, WriteOp } from '../workbook/port';
import type { BlockFigure, BlockPlan } from './block';
import { placed, placedBlock, valueGrid, type LiveBlockOptions } from './block-render';

/** The note beside the title in a portable block. */
export const PORTABLE_NOTE = 'Spreadsheet formulas and values only: it recalculates in any spreadsheet, without the add-in. Figures the add-in alone computes are values.';

/** A cell of the block by its offset, as a formula argument. */
const cell = (row: number, column: number, rows = 1, columns = 1): FormulaArg => ({ ref: { sheet: '', row, column, rows, columns } });
const call = (fn: string, ...args: FormulaArg[]): FormulaSpec => ({ fn, args });
const nested = (spec: FormulaSpec): FormulaArg => ({ call: spec });

/**
 * The block with native formulas where a figure can be one, placed as a live block is placed.
 *
 * @example
 *   await port.write(renderPortableBlock(plan, { sheet: 'Pilot Gate', row: 0, column: 0 }, { newSheet: true, previous: null, nameDefined: false }));
 */
export function renderPortableBlock(plan: BlockPlan, at: CellAddress, options: LiveBlockOptions): WriteOp[] {
  const grid = valueGrid(plan, PORTABLE_NOTE);
  /** The cell at an offset becomes `spec`, keeping the value the plan gives it as its cached value. */
  const formula = (row: number, column: number, spec: FormulaSpec): void => {
    const value = grid.cells[row]?.[column];
    if (value === undefined || (typeof value === 'object' && value !== null)) return;
    grid.cells[row][column] = { formula: placed(spec, at), value: value as Cell };
  };
  const byName = (name: BlockFigure['name']): BlockFigure | undefined => plan.figures.find((f) => f.name === name);
  const numeric = (f: BlockFigure | undefined): f is BlockFigure => f !== undefined && f.outcome.ok && typeof f.outcome.value === 'number';

  // Figures the plan writes in native functions already (Excel's own NPV and IRR, their checks).
  for (const f of plan.figures) if (isNative(f.call)) formula(f.row, f.column, f.call);

  // The cash flows: a header row, then Benefits, Costs, Net, Cumulative; a label column, then Year 0 … n.
  const flows = rowsByLabel(byName('cashflows'));
  const benefits = flows.get('Benefits');
  const costs = flows.get('Costs');
  const net = flows.get('Net');
  const cumulative = flows.get('Cumulative');
  const years = benefits?.columns ?? 0;
  if (benefits && costs && net) {
    for (let y = 0; y < years; y++) formula(net.row, net.column + y, call('-', cell(benefits.row, benefits.column + y), cell(costs.row, costs.column + y)));
  }
  if (net && cumulative) {
    for (let y = 0; y < years; y++) {
      const spec = y === 0 ? call('+', cell(net.row, net.column), { number: 0 }) : call('+', cell(cumulative.row, cumulative.column + y - 1), cell(net.row, net.column + y));
      formula(cumulative.row, cumulative.column + y, spec);
    }
  }

  // `=CF0+NPV(rate,CF1:CFn)` over a cash-flow row, at the block's Discount rate: SPEC §3.4's discounting.
  const rate = byName('discountRate');
  const presentValue = (row: { row: number; column: number } | undefined): FormulaSpec | null =>
    row && rate && numeric(rate) && years > 1 ? call('+', cell(row.row, row.column), nested(call('NPV', cell(rate.row, rate.column), cell(row.row, row.column + 1, 1, years - 1)))) : null;
  const put = (f: BlockFigure | undefined, spec: FormulaSpec | null): void => {
    if (numeric(f) && spec !== null) formula(f.row, f.column, spec);
  };
  const detail = (label: string): BlockFigure | undefined => plan.figures.find((f) => f.name === 'detail' && f.label === label);
  const refTo = (f: BlockFigure | undefined): FormulaArg | null => (f ? cell(f.row, f.column) : null);

  put(byName('npv'), presentValue(net));
  if (net) put(byName('irr'), call('IRR', cell(net.row, net.column, 1, years)));
  put(detail('PV benefits'), presentValue(benefits));
  put(detail('PV costs'), presentValue(costs));
  const pvBenefits = refTo(detail('PV benefits'));
  const pvCosts = refTo(detail('PV costs'));
  if (pvBenefits && pvCosts && numeric(detail('PV benefits')) && numeric(detail('PV costs'))) {
    put(byName('roi'), call('/', nested(call('-', pvBenefits, pvCosts)), pvCosts));
    put(byName('volume'), call('/', pvCosts, pvBenefits));
    put(byName('cost'), call('/', pvBenefits, pvCosts));
  }
  const oneTime = refTo(detail('Production one-time'));
  const annual = refTo(detail('Production annual'));
  const pilot = refTo(detail('Pilot cost'));
  if (oneTime && annual && pilot) put(byName('expansion'), call('/', nested(call('+', oneTime, annual)), pilot));

  return placedBlock(plan, at, options, [{ op: 'cells', at, cells: grid.cells, numberFormats: grid.numberFormats }, ...grid.looks(at)]);
}

/** True when a formula calls no PILOT function and reads no input table: it recalculates anywhere. */
function isNative(spec: FormulaSpec): boolean {
  if (/^PILOT\./i.test(spec.fn)) return false;
  return spec.args.every((arg) => ('call' in arg ? isNative(arg.call) : !('table' in arg)));
}

/**
 * A spilled figure's rows by the label in their first column: where the row's values start (the
 * column after the label, as offsets in the block) and how many there are.
 */
function rowsByLabel(figure: BlockFigure | undefined): Map<string, { row: number; column: number; columns: number }> {
  const rows = new Map<string, { row: number; column: number; columns: number }>();
  if (!figure || !figure.outcome.ok || !Array.isArray(figure.outcome.value)) return rows;
  figure.outcome.value.forEach((line, r) => {
    if (typeof line[0] === 'string' && !rows.has(line[0])) rows.set(line[0], { row: figure.row + r, column: figure.column + 1, columns: line.length - 1 });
  });
  return rows;
}
