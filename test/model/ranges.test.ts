// Reading Low and High (SPEC §3.10): the value beside them is the most likely; on Metrics they
// bound the Pilot figure (basis target: the Target) in the metric's unit, on Costs the row's
// first-year production cost. Bad ranges are problems naming table, row and column.
import { SAMPLE_COSTS, SAMPLE_METRICS, checkCase, prepareCase, sampleCase } from '../../src/model';
import type { CaseInput, Cell, Grid } from '../../src/model';
import { assumptionsGrid } from '../support/grids';

/** The sample's grid with a Low and a High column (headers as given) holding the cells of each row, blank elsewhere. */
function withRangeColumns(grid: Grid, headers: [string, string], cells: Record<string, [Cell, Cell]>): Grid {
  return grid.map((row, i) => (i === 0 ? [...row, ...headers] : [...row, ...(cells[String(row[0])] ?? [null, null])]));
}

function metricsCase(cells: Record<string, [Cell, Cell]>, headers: [string, string] = ['Low', 'High'], extra: Partial<CaseInput> = {}): CaseInput {
  return { ...sampleCase(), metrics: withRangeColumns(SAMPLE_METRICS, headers, cells), ...extra };
}

function costsCase(cells: Record<string, [Cell, Cell]>): CaseInput {
  return { ...sampleCase(), costs: withRangeColumns(SAMPLE_COSTS, ['Low', 'High'], cells) };
}

describe('ranges on Metrics (SPEC §3.10)', () => {
  it('bound the Pilot figure in the metric\'s unit, whatever unit the cell is written in', () => {
    const c = prepareCase(metricsCase({ 'Processing time per document': ['90 s', '0.0667 h'], 'Error rate': ['0.4%', '1.2%'], 'Employee hours saved/week': [100, 220] }));
    expect(c.problems).toEqual([]);
    expect(c.warnings.join(' ')).not.toMatch(/ignored/);
    const [time, errors, hours] = c.ranges;
    expect(time).toMatchObject({ table: 'Metrics', row: 2, label: 'Processing time per document', column: 'Pilot', likely: 2, baseline: 12, sign: 1, improvement: 10 });
    expect(time.low).toBeCloseTo(1.5, 12); // 90 s in minutes
    expect(time.high).toBeCloseTo(4.002, 12); // 0.0667 h in minutes
    expect(errors).toMatchObject({ row: 3, likely: 0.006 });
    expect(errors.low).toBeCloseTo(0.004, 15);
    expect(errors.high).toBeCloseTo(0.012, 15);
    // Bare numbers beside Unit h/week; higher is better, so the improvement is figure − baseline.
    expect(hours).toMatchObject({ row: 5, low: 100, likely: 160, high: 220, sign: -1, improvement: 200 });
  });

  it('carry A at the most likely figure and A per unit of improvement: §7\'s hours metric is 160 × $45 × 365.25 / 7', () => {
    const [hours] = prepareCase(metricsCase({ 'Employee hours saved/week': [100, 220] })).ranges;
    if (hours.table !== 'Metrics') throw new Error('expected a metric range');
    expect(hours.annualValue).toBeCloseTo((160 * 45 * 365.25) / 7, 6);
    expect(hours.valuePerImprovement).toBeCloseTo((45 * 365.25) / 7, 9);
  });

  it.each([
    ['Min', 'Max'],
    ['P10', 'P90'],
    ['low', 'HIGH'],
  ] as [string, string][])('are found under the headers %s and %s', (low, high) => {
    const c = prepareCase(metricsCase({ 'Error rate': ['0.4%', '1.2%'] }, [low, high]));
    expect(c.problems).toEqual([]);
    expect(c.ranges.map((r) => [r.row, r.likely])).toEqual([[3, 0.006]]);
  });

  it('out of order are a problem on the end out of order, quoting it and the most likely figure', () => {
    const problems = checkCase(metricsCase({ 'Processing time per document': ['3 min', '4 min'], 'Error rate': ['0.4%', '0.5%'] }));
    expect(problems).toEqual([
      { table: 'Metrics', row: 2, column: 'Low', message: 'Low "3 min" is above the most likely Pilot "2 min": expected Low ≤ most likely ≤ High' },
      { table: 'Metrics', row: 3, column: 'High', message: 'High "0.5%" is below the most likely Pilot "0.6%": expected Low ≤ most likely ≤ High' },
    ]);
  });

  it('with one end only are a problem on the blank end', () => {
    const problems = checkCase(metricsCase({ 'Processing time per document': ['1 min', null], 'Error rate': [null, '1%'] }));
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'High'],
      [3, 'Low'],
    ]);
    expect(problems[0].message).toBe('a range needs both ends: Low is "1 min" but High is blank (expected the highest the Pilot figure could be)');
  });

  it('need a Pilot figure under basis evidence, a problem on the Low cell', () => {
    const metrics = withRangeColumns(SAMPLE_METRICS, ['Low', 'High'], { 'Error rate': ['0.4%', '1%'] });
    metrics[2][3] = null; // Error rate's Pilot
    const problems = checkCase({ ...sampleCase(), metrics });
    expect(problems).toEqual([expect.objectContaining({ table: 'Metrics', row: 3, column: 'Low', message: expect.stringMatching(/^under basis evidence a range bounds the Pilot figure, and this metric has none/) })]);
  });

  it('bound the Target under basis target, and each end must still improve on the baseline', () => {
    const target = { assumptions: assumptionsGrid({ 'Benefit basis': 'target' }) };
    const c = prepareCase(metricsCase({ 'Processing time per document': ['1 min', '5 min'] }, ['Low', 'High'], target));
    expect(c.problems).toEqual([]);
    expect(c.ranges[0]).toMatchObject({ column: 'Target', low: 1, likely: 2, high: 5 });
    const crossing = checkCase(metricsCase({ 'Processing time per document': ['1 min', '12 min'], 'Employee hours saved/week': [-5, 250] }, ['Low', 'High'], target));
    expect(crossing.map((p) => [p.row, p.column])).toEqual([
      [2, 'High'],
      [5, 'Low'],
    ]);
    expect(crossing[0].message).toBe('High "12 min" does not improve on the baseline "12 min": under basis target the range bounds the Target, so each end must be below the baseline');
    expect(crossing[1].message).toMatch(/each end must be above the baseline/);
  });

  it('that are not values, or not in the metric\'s unit, are problems on their cell', () => {
    const problems = checkCase(metricsCase({ 'Processing time per document': ['N/A', '4 kg'] }));
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'Low'],
      [2, 'High'],
    ]);
    expect(problems[0].message).toMatch(/"N\/A" is not a value/);
    expect(problems[1].message).toMatch(/"4 kg" is in kg, but the metric is in min/);
  });

  it('equal at both ends make a constant, read without a problem', () => {
    const c = prepareCase(metricsCase({ 'Error rate': ['0.6%', '0.6%'] }));
    expect(c.problems).toEqual([]);
    expect(c.ranges).toHaveLength(1);
  });
});

describe('ranges on Costs (SPEC §3.10)', () => {
  it('bound the first-year production cost, One-time + Annual, or the estimated Annual', () => {
    const costs: Grid = [
      ['Category', 'Pilot', 'One-time', 'Annual', 'Min', 'Max'],
      ['Infrastructure', 15000, 20000, '$2,500/month', '$45k', 80000],
      ['Security and compliance', 10000, null, null, 30000, 60000], // estimated: 10,000 × 4
      ['Monitoring', 5000, 5000, 11000, null, null],
    ];
    const c = prepareCase({ ...sampleCase(), costs });
    expect(c.problems).toEqual([]);
    expect(c.ranges).toEqual([
      { table: 'Costs', row: 2, label: 'Infrastructure', low: 45000, likely: 50000, high: 80000, oneTime: 20000, annual: 30000 },
      { table: 'Costs', row: 3, label: 'Security and compliance', low: 30000, likely: 40000, high: 60000, oneTime: 0, annual: 40000 },
    ]);
  });

  it('out of order, with one end, or not an amount are problems on their cell', () => {
    const problems = checkCase(
      costsCase({ Infrastructure: [60000, 80000], 'Data remediation': [50000, null], Integration: ['$5,000/month', 90000], Monitoring: ['tbd', 20000] }),
    );
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'Low'],
      [5, 'High'],
      [6, 'Low'],
      [9, 'Low'],
    ]);
    expect(problems[0].message).toBe('Low "60000" is above the most likely first-year production cost $50,000 (One-time + Annual): expected Low ≤ most likely ≤ High');
    expect(problems[2].message).toMatch(/is money per time, not an amount/);
  });

  it('on a row with no production cost are a problem on the Low cell: there is nothing to scale', () => {
    const costs: Grid = [
      ['Category', 'Pilot', 'One-time', 'Annual', 'Low', 'High'],
      ['Infrastructure', 15000, 0, 0, -1000, 5000],
      ['Monitoring', 5000, 5000, 11000, null, null],
    ];
    expect(checkCase({ ...sampleCase(), costs })).toEqual([
      expect.objectContaining({ table: 'Costs', row: 2, column: 'Low', message: expect.stringMatching(/no first-year production cost to scale/) }),
    ]);
  });
});
