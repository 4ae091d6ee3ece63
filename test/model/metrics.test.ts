import { evaluateMetric, parseDirection, type MetricContext } from '../../src/model/metrics';
import { METRICS, readTable } from '../../src/model/tables';
import type { Cell, Grid } from '../../src/model/types';

const HEADER = ['Metric', 'Baseline', 'Target', 'Pilot', 'Timeline', 'Unit', 'Direction', 'Volume', 'Value per unit'];
const EVIDENCE: MetricContext = { currency: 'USD', basis: 'evidence', onTrackThreshold: 1 };
const TARGET: MetricContext = { ...EVIDENCE, basis: 'target' };
const WEEKS_PER_YEAR = 365.25 / 7; // SPEC §3.4's calendar

function closeTo(actual: number | null, expected: number, relative = 1e-9): void {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));
}

/** Evaluates the data rows of a grid whose header is HEADER unless one is given. */
function evaluate(rows: Cell[][], ctx: MetricContext = EVIDENCE, header: Cell[] = HEADER) {
  const table = readTable([header, ...rows] as Grid, METRICS);
  expect(table.problems).toEqual([]);
  return table.rows.map((row) => evaluateMetric(row, ctx));
}

/** One metric from named cells; the rest blank. */
function metric(cells: Partial<Record<string, Cell>>, ctx: MetricContext = EVIDENCE) {
  return evaluate([HEADER.map((h) => cells[h] ?? null)], ctx)[0];
}

describe('SPEC §7: the seed sample, per metric', () => {
  const rows: Cell[][] = [
    ['Processing time per document', '12 min', '2 min', '2 min', '90 days', null, null, '50,000 docs/year', '$45/h'],
    ['Error rate', '4.2%', '0.5%', '0.6%', '90 days', null, null, '50,000 transactions/year', '$120 per error'],
    ['Cost per transaction', '$3.40', '$0.80', '$0.80', '6 months', null, null, '50,000 transactions/year', null],
    ['Employee hours saved/week', 0, 200, 160, '6 months', 'h/week', null, null, '$45/h'],
  ];
  // SPEC §7's table: Δ, g, proven, A (evidence), A (target basis).
  const expected = [
    { direction: 'lower', improvement: 10, unit: 'min', g: 1, proven: true, a: 375_000, aTarget: 375_000, days: 90 },
    { direction: 'lower', improvement: 0.037, unit: '', g: 36 / 37, proven: false, a: 216_000, aTarget: 222_000, days: 90 },
    { direction: 'lower', improvement: 2.6, unit: 'USD', g: 1, proven: true, a: 130_000, aTarget: 130_000, days: 182.625 },
    // 200 × 0.8 = 160 h/week × $45/h × 365.25/7 weeks a year
    { direction: 'higher', improvement: 200, unit: 'h/week', g: 0.8, proven: false, a: 160 * 45 * WEEKS_PER_YEAR, aTarget: 200 * 45 * WEEKS_PER_YEAR, days: 182.625 },
  ];
  const results = evaluate(rows);

  it.each(expected.map((e, i) => [rows[i][0], e, i] as const))('%s', (_name, e, i) => {
    const { result, problems } = results[i];
    expect(problems).toEqual([]);
    expect(result).not.toBeNull();
    const r = result!;
    expect([r.name, r.row, r.direction, r.unit, r.proven, r.hasPilot]).toEqual([rows[i][0], i + 2, e.direction, e.unit, e.proven, true]);
    closeTo(r.improvement, e.improvement);
    closeTo(r.gapClosed, e.g);
    closeTo(r.annualValue, e.a);
    closeTo(r.annualValueTarget, e.aTarget);
    closeTo(r.timelineDays, e.days);
  });

  it('adds up to ΣA = 1,096,685.71 (evidence) and 1,196,607.14 (target)', () => {
    const total = results.reduce((s, { result }) => s + result!.annualValue!, 0);
    const totalTarget = results.reduce((s, { result }) => s + result!.annualValueTarget!, 0);
    closeTo(total, 375_000 + 216_000 + 130_000 + 160 * 45 * WEEKS_PER_YEAR);
    expect(total.toFixed(2)).toBe('1096685.71');
    expect(totalTarget.toFixed(2)).toBe('1196607.14');
    expect(results[1].result!.gapClosed!.toFixed(6)).toBe('0.972973');
  });

  it('under basis target, A is the promised improvement', () => {
    const target = evaluate(rows, TARGET);
    target.forEach(({ result }, i) => closeTo(result!.annualValue, expected[i].aTarget));
  });
});

describe('proof and improvement used', () => {
  it('counts a gap closed within 1e-9 below the threshold as proven', () => {
    const { result } = metric({ Metric: 'Defects', Baseline: 0.3, Target: 0.1, Pilot: 0.14 }, { ...EVIDENCE, onTrackThreshold: 0.8 });
    expect(result!.gapClosed!).toBeLessThan(0.8); // (0.3 − 0.14) / (0.3 − 0.1) in floating point
    expect(result!.proven).toBe(true);
    const below = metric({ Metric: 'Defects', Baseline: 0.3, Target: 0.1, Pilot: 0.15 }, { ...EVIDENCE, onTrackThreshold: 0.8 });
    expect(below.result!.proven).toBe(false);
  });

  it('without a pilot figure, evidence uses no improvement and target the promised one', () => {
    const cells = { Metric: 'Handling time', Baseline: '12 min', Target: '2 min', Volume: 60_000, 'Value per unit': '$30/h' };
    const { result } = metric(cells);
    expect([result!.hasPilot, result!.gapClosed, result!.proven, result!.annualValue]).toEqual([false, null, false, 0]);
    closeTo(result!.annualValueTarget, (10 / 60) * 60_000 * 30);
    closeTo(metric(cells, TARGET).result!.annualValue, (10 / 60) * 60_000 * 30);
  });

  it('clamps the gap closed to 0…1 under evidence but reports it as measured', () => {
    const base = { Metric: 'Wait', Baseline: '10 min', Target: '5 min', Volume: 6_000, 'Value per unit': '$60/h' };
    const beyond = metric({ ...base, Pilot: '2 min' }).result!;
    expect(beyond.gapClosed).toBeCloseTo(1.6, 12);
    closeTo(beyond.annualValue, 5 * 6_000); // 5 min × 6,000 a year × $1/min
    const worse = metric({ ...base, Pilot: '12 min' }).result!;
    expect(worse.gapClosed).toBeCloseTo(-0.4, 12);
    expect(worse.annualValue).toBe(0);
  });

  it('never returns -0 (a higher-is-better pilot that did not move)', () => {
    const { result } = metric({ Metric: 'NPS', Baseline: 30, Target: 50, Pilot: 30 });
    expect(Object.is(result!.gapClosed, 0)).toBe(true);
  });
});

describe('direction', () => {
  it('is inferred from Target vs Baseline when blank', () => {
    expect(metric({ Metric: 'a', Baseline: 5, Target: 3 }).result!.direction).toBe('lower');
    expect(metric({ Metric: 'b', Baseline: 3, Target: 5 }).result!.direction).toBe('higher');
  });

  it.each([
    ['lower', 'lower'], ['Down', 'lower'], ['lower is better', 'lower'], ['↓', 'lower'],
    ['HIGHER', 'higher'], ['up', 'higher'], ['Higher is better', 'higher'], ['increase', 'higher'],
  ])('reads %p as %s', (text, direction) => {
    expect(parseDirection(text)).toBe(direction);
  });

  it('reports a target that does not improve on the baseline', () => {
    const declared = metric({ Metric: 'Handling time', Baseline: '2 min', Target: '12 min', Direction: 'lower' });
    expect(declared.result).toBeNull();
    expect(declared.problems).toEqual([
      { table: 'Metrics', row: 2, column: 'Target', message: expect.stringContaining('target does not improve on baseline') },
    ]);
    const equal = metric({ Metric: 'Flat', Baseline: 5, Target: 5 });
    expect(equal.problems.map((p) => p.message)).toEqual([expect.stringContaining('target does not improve on baseline')]);
  });

  it('reports a direction that is no direction', () => {
    const { problems } = metric({ Metric: 'x', Baseline: 5, Target: 3, Direction: 'sideways' });
    expect(problems).toEqual([{ table: 'Metrics', row: 2, column: 'Direction', message: expect.stringContaining('"sideways" is not a direction') }]);
  });
});

describe('money per year (SPEC §3.1 bare numbers, §3.2)', () => {
  it('a bare Value per unit on a rate is money per one unit of its numerator: 14 on tickets/week is $14 a ticket', () => {
    const { result } = metric({ Metric: 'Tickets', Baseline: 500, Target: 300, Pilot: 300, Unit: 'tickets/week', 'Value per unit': 14 });
    closeTo(result!.annualValue, 200 * 14 * WEEKS_PER_YEAR);
    expect(result!.unit).toBe('tickets/week');
  });

  it('a bare Value per unit on a percentage is money per occurrence', () => {
    const row = { Metric: 'Error rate', Baseline: '4.2%', Target: '0.5%', Pilot: '0.6%', Volume: '50,000 transactions/year' };
    closeTo(metric({ ...row, 'Value per unit': 120 }).result!.annualValue, 216_000);
  });

  it('a bare Value per unit on a time metric is money per unit of that time', () => {
    const { result } = metric({ Metric: 'Time', Baseline: '12 min', Target: '2 min', Pilot: '2 min', Volume: 50_000, 'Value per unit': 2 });
    closeTo(result!.annualValue, 10 * 50_000 * 2);
  });

  it('bare cells with Unit %: percent points, as a person types them (SPEC §3.1: 30 is 30%)', () => {
    const { result } = metric({ Metric: 'Error rate', Baseline: 4.2, Target: 0.5, Pilot: 0.6, Unit: '%', Volume: 50_000, 'Value per unit': '$120 per error' });
    closeTo(result!.improvement, 0.037);
    closeTo(result!.annualValue, 216_000);
    // 30% → 15% on 10,000 claims a year at $120 per error: 0.15 × 10,000 × 120 = 180,000, not 100× that.
    const rework = metric({ Metric: 'Rework', Baseline: 30, Target: 15, Pilot: '15%', Unit: '%', Volume: '10,000 claims/year', 'Value per unit': 120 });
    closeTo(rework.result!.annualValue, 180_000);
    closeTo(rework.result!.gapClosed, 1);
  });

  it('a money rate needs neither Volume nor Value per unit', () => {
    const { result } = metric({ Metric: 'Cloud bill', Baseline: 10_000, Target: 6_000, Pilot: 6_000, Unit: '$/month' });
    closeTo(result!.annualValue, 4_000 * 12);
  });

  it('$/h is a rate; with 2,000 h/year it is a price per hour', () => {
    const base = { Metric: 'Agent cost', Baseline: '$100/h', Target: '$80/h', Pilot: '$80/h' };
    closeTo(metric(base).result!.annualValue, 20 * 8_766); // 365.25 × 24 hours a year
    closeTo(metric({ ...base, Volume: '2,000 h/year' }).result!.annualValue, 40_000);
  });

  it('a bare Volume is per year', () => {
    const row = { Metric: 'Cost per transaction', Baseline: '$3.40', Target: '$0.80', Pilot: '$0.80' };
    closeTo(metric({ ...row, Volume: 50_000 }).result!.annualValue, 130_000);
    closeTo(metric({ ...row, Volume: '4,166.6667 transactions/month' }).result!.annualValue, 130_000, 1e-7);
  });

  it('a count with no time is per year, as a bare number is: 50,000 docs is 50,000 docs a year', () => {
    const row = { Metric: 'Processing time', Baseline: '12 min', Target: '2 min', Pilot: '2 min', 'Value per unit': '$45/h' };
    closeTo(metric({ ...row, Volume: '50,000 docs' }).result!.annualValue, 375_000); // 10 min × 50,000 × $45/h
    closeTo(metric({ ...row, Volume: '5 thousand documents' }).result!.annualValue, 37_500);
  });

  it('a Volume whose units do not combine into money per year is a problem on the Volume cell', () => {
    // h/week × $45/h is money a week already; 25 employees (a year) or 25 a year on top of it is no money per year.
    const rate = { Metric: 'Hours saved', Baseline: 0, Target: 200, Pilot: 160, Unit: 'h/week', 'Value per unit': '$45/h' };
    for (const Volume of ['25 employees', 25, '2,000 h']) {
      const { result, problems } = metric({ ...rate, Volume });
      expect(result).toBeNull();
      expect(problems).toEqual([{ table: 'Metrics', row: 2, column: 'Volume', message: expect.stringMatching(/do not combine into USD per year: the metric is in h\/week, the Volume/) }]);
    }
    // A money metric has no Value per unit to blame.
    expect(metric({ Metric: 'Cost', Baseline: '$3.40', Target: '$0.80', Volume: '2,000 h' }).problems.map((p) => p.column)).toEqual(['Volume']);
  });

  it('a monetary metric that is no rate needs a Volume', () => {
    const { result, problems } = metric({ Metric: 'Handling time', Baseline: 200, Target: 100, Unit: 'min', 'Value per unit': '$45/h' });
    expect(result).toBeNull();
    expect(problems).toEqual([{ table: 'Metrics', row: 2, column: 'Volume', message: expect.stringContaining('needs a Volume') }]);
  });

  it('units that do not combine into money per year name both units', () => {
    const { problems } = metric({ Metric: 'Time', Baseline: '12 min', Target: '2 min', Volume: '50,000 docs/year', 'Value per unit': '$3/kg' });
    expect(problems).toHaveLength(1);
    expect(problems[0].column).toBe('Value per unit');
    expect(problems[0].message).toMatch(/do not combine into USD per year.*min.*USD\/kg/);
  });

  it('a metric with neither money nor Value per unit is non-monetary', () => {
    const { result, problems } = metric({ Metric: 'Satisfaction', Baseline: 3.1, Target: 4, Pilot: 4.2, Timeline: 90 });
    expect(problems).toEqual([]);
    expect([result!.annualValue, result!.annualValueTarget, result!.proven, result!.timelineDays]).toEqual([null, null, true, 90]);
  });

  it('money in another currency than the case is an error, not a conversion', () => {
    const { problems } = metric({ Metric: 'Cost', Baseline: '€3.40', Target: '€0.80', Volume: 1_000 });
    expect(problems.map((p) => p.column)).toEqual(['Baseline', 'Target']);
    expect(problems[0].message).toContain('no exchange rates');
    expect(metric({ Metric: 'Cost', Baseline: '€3.40', Target: '€0.80', Volume: 1_000 }, { ...EVIDENCE, currency: 'EUR' }).result!.annualValueTarget).toBeCloseTo(2_600, 9);
  });

  it('a Unit column in another currency is reported once, on the Unit column', () => {
    const { problems } = metric({ Metric: 'Cost', Baseline: 3, Target: 2, Unit: 'EUR', Volume: 5 });
    expect(problems).toEqual([{ table: 'Metrics', row: 2, column: 'Unit', message: expect.stringContaining('"EUR" is in EUR, but the case currency is USD') }]);
  });
});

describe('units of Baseline, Target and Pilot', () => {
  it('converts into the baseline unit', () => {
    const { result } = metric({ Metric: 'Time', Baseline: '2 h', Target: '30 min', Pilot: '0.75 h', Unit: 'min' });
    expect([result!.improvement, result!.unit, result!.gapClosed]).toEqual([1.5, 'h', 1.25 / 1.5]);
  });

  it('a bare number beside a written unit needs the Unit column', () => {
    const { problems } = metric({ Metric: 'Time', Baseline: '12 min', Target: 2 });
    expect(problems).toEqual([{ table: 'Metrics', row: 2, column: 'Target', message: expect.stringContaining('"2" has no unit, but the metric is in min') }]);
    expect(metric({ Metric: 'Time', Baseline: '12 min', Target: 2, Unit: 'min' }).problems).toEqual([]);
  });

  it('units of different kinds do not mix', () => {
    expect(metric({ Metric: 'x', Baseline: '12 min', Target: '2 kg' }).problems.map((p) => p.column)).toEqual(['Target']);
    expect(metric({ Metric: 'x', Baseline: '4.2%', Target: '3 docs' }).problems.map((p) => p.column)).toEqual(['Target']);
    expect(metric({ Metric: 'x', Baseline: '12 min', Target: '2 min', Unit: '%' }).problems.map((p) => p.column)).toEqual(['Baseline', 'Target']);
  });

  it('a Unit column at odds with the unit written in the Baseline is a problem on each cell, never a throw', () => {
    const { result, problems } = metric({ Metric: 'x', Baseline: '90 days', Target: '30 days', Pilot: 2, Unit: 'per year' });
    expect(result).toBeNull();
    expect(problems.map((p) => p.column)).toEqual(['Baseline', 'Target', 'Pilot']);
    expect(problems[2].message).toBe('"2" reads as /year, which cannot be compared with the baseline\'s days');
  });
});

describe('problems', () => {
  it('collect every bad cell of the row, with table, row and canonical column', () => {
    const rows = [
      ['Fine', '12 min', '2 min', null, null, null, null, null, null],
      ['Messy', 'N/A', 'tbd', true, 'soon', null, 'sideways', '5k', 'abc'],
    ];
    const [fine, messy] = evaluate(rows);
    expect(fine.problems).toEqual([]);
    expect(messy.result).toBeNull();
    expect(messy.problems.map((p) => [p.table, p.row, p.column])).toEqual([
      ['Metrics', 3, 'Baseline'], ['Metrics', 3, 'Target'], ['Metrics', 3, 'Pilot'], ['Metrics', 3, 'Direction'],
      ['Metrics', 3, 'Volume'], ['Metrics', 3, 'Value per unit'], ['Metrics', 3, 'Timeline'],
    ]);
    expect(messy.problems[0].message).toContain('"N/A" is not a value');
    expect(messy.problems[2].message).toContain('logical value');
  });

  it('name the canonical column even where the header uses a synonym', () => {
    const [{ problems }] = evaluate([['Errors', 'N/A', '0.5%', '5%']], EVIDENCE, ['KPI', 'Current', 'Goal', 'Actual']);
    expect(problems).toEqual([{ table: 'Metrics', row: 2, column: 'Baseline', message: expect.stringContaining('"N/A"') }]);
  });

  it('report a blank name, a blank Baseline or Target, and a Unit that is no unit', () => {
    const { problems } = metric({ Metric: null, Baseline: null, Target: 3, Unit: 'N/A', Pilot: 1 });
    expect(problems.map((p) => [p.column, p.message])).toEqual([
      ['Metric', expect.stringContaining('no name')],
      ['Unit', expect.stringContaining('is not a unit')],
      ['Baseline', expect.stringContaining('blank')],
    ]);
  });
});
