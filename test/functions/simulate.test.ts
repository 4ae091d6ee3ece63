/**
 * PILOT.SIMULATE and PILOT.TORNADO (SPEC §3.10, §4), called as Excel calls them (omitted
 * optionals as null, blank cells as ""), against the engine's simulateCase and tornadoCase.
 */
import { CaseCache } from '../../src/functions/cache';
import { excelFunctions } from '../../src/functions/register';
import { evaluateCase, sampleCase, simulateCase, tornadoCase, type Grid, type Simulation } from '../../src/model';
import { rangedSampleCase } from '../support/ranges';
import { customFunctionsRuntime, installCustomFunctionsRuntime, thrownBy } from './runtime';

beforeAll(installCustomFunctionsRuntime);

const pilot = excelFunctions({ cases: new CaseCache() });
/** What Excel passes for an omitted optional argument. */
const omitted = null as unknown as undefined;
/** As Excel hands a table over: blank cells as "". */
const asExcel = (grid: Grid): unknown[][] => grid.map((row) => row.map((cell) => (cell === null ? '' : cell)));

const ranged = rangedSampleCase();
const [M, C, A] = [asExcel(ranged.metrics), asExcel(ranged.costs), asExcel(ranged.assumptions!)];

/** The spill SPEC §4 describes, written out from a simulation. */
function spillOf(s: Simulation): (string | number)[][] {
  return [
    ['Figure', 'Value'],
    ['NPV P10', s.npv.p10],
    ['NPV P50', s.npv.p50],
    ['NPV P90', s.npv.p90],
    ['NPV mean', s.npv.mean],
    ['P(NPV ≥ 0)', s.probabilityNpvNonNegative],
    ['P(payback ≤ max)', s.probabilityPaybackWithinMax],
  ];
}

function excelError(call: () => unknown): { code: string; message?: string } {
  const error = thrownBy(call);
  expect(error).toBeInstanceOf(customFunctionsRuntime.Error);
  return error as { code: string; message?: string };
}

describe('PILOT.SIMULATE', () => {
  it('spills the engine\'s figures, to the bit, for the default trials and seed and for those given', () => {
    expect(pilot.SIMULATE(M, C, A, omitted, omitted)).toEqual(spillOf(simulateCase(ranged)));
    expect(pilot.SIMULATE(M, C, A, '', '')).toEqual(spillOf(simulateCase(ranged)));
    expect(pilot.SIMULATE(M, C, A, 2500, 7)).toEqual(spillOf(simulateCase(ranged, { trials: 2500, seed: 7 })));
    expect(pilot.SIMULATE(M, C, omitted, 2500, 7)).toEqual(spillOf(simulateCase({ metrics: ranged.metrics, costs: ranged.costs }, { trials: 2500, seed: 7 })));
  });

  it('with no ranges spills the point estimate: every NPV figure is PILOT.NPV', () => {
    const s = sampleCase();
    const npv = pilot.NPV(s.metrics, s.costs, s.assumptions) as number;
    expect(pilot.SIMULATE(s.metrics, s.costs, s.assumptions)).toEqual([
      ['Figure', 'Value'],
      ['NPV P10', npv],
      ['NPV P50', npv],
      ['NPV P90', npv],
      ['NPV mean', npv],
      ['P(NPV ≥ 0)', 1],
      ['P(payback ≤ max)', 1],
    ]);
  });

  it('takes the default trials and seed from the case\'s own simulation, evaluated once with the case', () => {
    // A case cache whose result carries a marked simulation: the default call spills it, any other runs its own.
    const result = evaluateCase(ranged);
    const marked = { ...result.simulation!, npv: { p10: 1, p50: 2, p90: 3, mean: 4 } };
    const cached = excelFunctions({ cases: new CaseCache({ evaluate: () => ({ ...result, simulation: marked }) }) });
    expect(cached.SIMULATE(M, C, A)).toEqual(spillOf(marked));
    expect(cached.SIMULATE(M, C, A, 10000, 2)).toEqual(spillOf(simulateCase(ranged, { seed: 2 })));
  });

  it('refuses trials outside 1–100,000 and seeds outside 0–2^53 − 1 with #VALUE!, naming the argument', () => {
    for (const trials of [0, 100001, -5]) {
      expect(excelError(() => pilot.SIMULATE(M, C, A, trials))).toEqual({ code: '#VALUE!', message: `trials: expected a whole number of trials from 1 to 100,000; got ${trials}` });
    }
    expect(excelError(() => pilot.SIMULATE(M, C, A, 2.5)).message).toBe('trials must be a whole number from 1 to 100,000, got 2.5');
    expect(excelError(() => pilot.SIMULATE(M, C, A, 'many')).message).toMatch(/^trials: "many" is not a value/);
    expect(excelError(() => pilot.SIMULATE(M, C, A, 100, -1)).message).toBe('seed: expected a whole number from 0 to 9,007,199,254,740,991; got -1');
    expect(excelError(() => pilot.SIMULATE(M, C, A, 100, 0.5)).code).toBe('#VALUE!');
  });

  it('gives #VALUE! saying how many trials fit when a call would take more than a second', () => {
    const metrics: Grid = [['Metric', 'Baseline', 'Target', 'Pilot', 'Low', 'High', 'Unit', 'Value per unit']];
    for (let i = 0; i < 50; i++) metrics.push([`Hours ${i}`, 0, 20, 10, 5, 15, 'h/week', 45]);
    const error = excelError(() => pilot.SIMULATE(asExcel(metrics), C, A, 100000));
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toMatch(/^100,000 trials of 58 ranged inputs are more than one call can run within a second: use at most [\d,]+ trials/);
  });

  it('names the cell of a bad range, as every case function does', () => {
    const metrics = ranged.metrics.map((row) => [...row]);
    metrics[2][4] = 0.009; // Error rate's Low above its most likely Pilot figure, 0.006
    const error = excelError(() => pilot.SIMULATE(asExcel(metrics), C, A));
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toBe('Metrics row 3, Low: Low "0.009" is above the most likely Pilot "0.006": expected Low ≤ most likely ≤ High');
  });
});

describe('PILOT.TORNADO', () => {
  it('spills the engine\'s bars, largest swing first, under the header SPEC §4 gives', () => {
    const bars = tornadoCase(ranged);
    expect(pilot.TORNADO(M, C, A)).toEqual([['Input', 'NPV at low', 'NPV at high', 'Swing'], ...bars.map((b) => [b.label, b.npvLow, b.npvHigh, b.swing])]);
    expect((pilot.TORNADO(M, C, A) as unknown[][])[1][0]).toBe('Employee hours saved/week');
  });

  it('spills one row, "none", when nothing is ranged', () => {
    const s = sampleCase();
    expect(pilot.TORNADO(s.metrics, s.costs, omitted)).toEqual([
      ['Input', 'NPV at low', 'NPV at high', 'Swing'],
      ['none', '', '', ''],
    ]);
  });
});
