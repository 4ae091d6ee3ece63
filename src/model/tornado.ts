/**
 * The tornado of SPEC §3.10: each ranged input at its Low and at its High, every other input at
 * its most likely, ranked by the NPV swing between the two.
 */
import type { SimulationModel } from './simulate';
import type { TornadoBar } from './types';

/**
 * The tornado's bars, largest swing first; ties keep the model's order (Metrics before Costs,
 * then row order). [] when nothing is ranged.
 *
 * @example
 *   tornado(model)[0] // { table: 'Metrics', row: 5, label: 'Employee hours saved/week', npvLow: …, npvHigh: …, swing: … }
 */
export function tornado(model: SimulationModel): TornadoBar[] {
  const bars: TornadoBar[] = model.inputs.map((r, i) => {
    const npvLow = model.npvWithOne(i, r.low);
    const npvHigh = model.npvWithOne(i, r.high);
    return { table: r.table, row: r.row, label: r.label, npvLow, npvHigh, swing: Math.abs(npvHigh - npvLow) };
  });
  // Array.prototype.sort is stable (ECMA-262 since 2019): equal swings keep table and row order.
  return bars.sort((a, b) => b.swing - a.swing);
}
