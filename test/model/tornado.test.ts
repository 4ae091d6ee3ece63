// The tornado (SPEC §3.10) against evaluateCase run one input at a time: each ranged input's Low
// and High substituted into the grids, every other input at its most likely.
import { CaseInputError, evaluateCase, prepareCase, sampleCase, tornadoCase } from '../../src/model';
import type { CaseInput, Grid } from '../../src/model';
import { assumptionsGrid } from '../support/grids';
import { rangedSampleCase, withValues } from '../support/ranges';

/** The tornado worked out with evaluateCase, one input at a time, in table and row order. */
function oneAtATime(input: CaseInput) {
  const ranges = prepareCase(input).ranges;
  const likely = ranges.map((r) => r.likely);
  return ranges.map((r, i) => {
    const at = (x: number): number => evaluateCase(withValues(input, likely.map((v, j) => (j === i ? x : v)))).npv;
    const npvLow = at(r.low);
    const npvHigh = at(r.high);
    return { table: r.table, row: r.row, label: r.label, npvLow, npvHigh, swing: Math.abs(npvHigh - npvLow) };
  });
}

function expectSameBars(actual: ReturnType<typeof tornadoCase>, expected: ReturnType<typeof oneAtATime>): void {
  expect(actual.map((b) => [b.table, b.row, b.label])).toEqual(expected.map((b) => [b.table, b.row, b.label]));
  actual.forEach((bar, i) => {
    for (const key of ['npvLow', 'npvHigh', 'swing'] as const) {
      expect(Math.abs(bar[key] - expected[i][key])).toBeLessThan(1e-9 * Math.max(Math.abs(expected[i].npvLow), 1));
    }
  });
}

describe('tornadoCase (SPEC §3.10)', () => {
  it('equals evaluateCase with each input at its Low and its High, largest swing first', () => {
    const input = rangedSampleCase();
    const expected = oneAtATime(input).sort((a, b) => b.swing - a.swing);
    const bars = tornadoCase(input);
    expect(bars).toHaveLength(12);
    expectSameBars(bars, expected);
    // The hours metric moves NPV most; a Processing time of 1.5 min (beyond the target) is worth no more than 2 min.
    expect(bars[0]).toMatchObject({ table: 'Metrics', row: 5, label: 'Employee hours saved/week' });
    const time = bars.find((b) => b.label === 'Processing time per document')!;
    expect(time.npvLow).toBe(evaluateCase(input).npv);
    for (let i = 1; i < bars.length; i++) expect(bars[i].swing).toBeLessThanOrEqual(bars[i - 1].swing);
    expect(evaluateCase(input).tornado).toEqual(bars); // the case carries its tornado
  });

  it('equals evaluateCase under basis target, where the ranges bound the Targets', () => {
    const input: CaseInput = {
      ...rangedSampleCase(),
      metrics: [
        ['Metric', 'Baseline', 'Target', 'Pilot', 'Low', 'High', 'Unit', 'Volume', 'Value per unit'],
        ['Processing time per document', 12, 2, 5, 1.5, 3, 'min', '50,000 docs/year', '$45/h'],
        ['Employee hours saved/week', 0, 200, 160, 150, 230, 'h/week', null, '$45/h'],
      ],
      assumptions: assumptionsGrid({ 'Benefit basis': 'target' }),
    };
    expectSameBars(tornadoCase(input), oneAtATime(input).sort((a, b) => b.swing - a.swing));
  });

  it('keeps table, then row order between equal swings', () => {
    const costs: Grid = [
      ['Category', 'Pilot', 'One-time', 'Annual', 'Low', 'High'],
      ['Monitoring', 5000, 0, 10000, 5000, 15000],
      ['Infrastructure', 15000, 0, 10000, 5000, 15000],
    ];
    const metrics: Grid = [
      ['Metric', 'Baseline', 'Target', 'Pilot', 'Low', 'High', 'Unit', 'Value per unit'],
      ['Cloud bill', 10000, 0, 0, 0, 0, '$/month', null], // a constant: no swing
      ['Hours saved', 0, 20, 10, 10, 10, 'h/week', 45],
    ];
    const bars = tornadoCase({ ...sampleCase(), metrics, costs });
    expect(bars.map((b) => [b.table, b.row, b.swing === 0])).toEqual([
      ['Costs', 2, false],
      ['Costs', 3, false],
      ['Metrics', 2, true],
      ['Metrics', 3, true],
    ]);
    expect(bars[0].swing).toBe(bars[1].swing);
  });

  it('is empty with no ranges, and throws CaseInputError on bad input', () => {
    expect(tornadoCase(sampleCase())).toEqual([]);
    expect(evaluateCase(sampleCase()).tornado).toEqual([]);
    expect(() => tornadoCase({ ...sampleCase(), costs: [['Category', 'Pilot', 'Low'], ['Infrastructure', 100, 50]] })).toThrow(CaseInputError);
  });
});
