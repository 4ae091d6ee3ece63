// PILOT functions called as Excel calls them, on inputs that once froze the shared runtime (one
// stuck call stops every function and the task pane) or came back as a bare error.
import { CaseCache } from '../../src/functions/cache';
import { runPilotFunction } from '../../src/functions/runner';
import { evaluateCase, sampleCase, type Grid } from '../../src/model';
import { withinASecond } from '../support/guard';

const sample = sampleCase();
const context = () => ({ cases: new CaseCache() });

describe('PILOT functions on hostile input', () => {
  it('PILOT.NPV with ten Direction cells of 32,767 characters answers within a second, naming a cell', () => {
    const metrics: Grid = [sample.metrics[0]];
    const direction = sample.metrics[0].indexOf('Direction');
    for (let i = 0; i < 10; i++) {
      const row = [...sample.metrics[1 + (i % 4)]];
      row[direction] = `a${' '.repeat(32_765)}b`;
      metrics.push(row);
    }
    const outcome = withinASecond(() => runPilotFunction('NPV', [metrics, sample.costs], context()));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('#VALUE!');
      expect(outcome.error.message).toMatch(/^Metrics row 2, Direction: "a {59}…" \(32,767 characters\) is not a direction.*\(and 9 more problems\)$/);
    }
  });
});

describe('PILOT functions whose figure would be ±Infinity', () => {
  const error = (name: string, args: unknown[]) => {
    const outcome = runPilotFunction(name, args, context());
    expect(outcome.ok).toBe(false);
    return outcome.ok ? null : outcome.error;
  };

  it('PILOT.EXPANSION with a pilot cost of 5e-324: #VALUE! naming pilotCosts', () => {
    expect(error('EXPANSION', [[[5e-324]], [[1]]])).toMatchObject({ code: '#VALUE!', message: expect.stringMatching(/^pilotCosts add up to 5e-324/) });
  });

  it('PILOT.PAYBACK with 5e-324 periods a year: #VALUE! naming periodsPerYear', () => {
    expect(error('PAYBACK', [[[-1, 2]], 5e-324])).toMatchObject({ code: '#VALUE!', message: expect.stringMatching(/^periodsPerYear: 5e-324/) });
  });

  it('PILOT.GAPCLOSED of a target 5e-324 from the baseline: #VALUE! naming the target', () => {
    expect(error('GAPCLOSED', [1e-323, 5e-324, 1])).toMatchObject({ code: '#VALUE!', message: expect.stringMatching(/^target: .*the gap closed/) });
  });

  it('PILOT.ROI and PILOT.SUMMARY with production costs of 5e-324: #VALUE! naming the column, never a bare #NUM!', () => {
    const costs: Grid = [['Category', 'Pilot', 'One-time', 'Annual'], ['Build', 100, 5e-324, 0]];
    for (const [name, args] of [['ROI', [sample.metrics, costs]], ['NPV', [sample.metrics, costs]], ['SUMMARY', [sample.metrics, costs, sample.readiness]]] as const) {
      expect(error(name, [...args])).toMatchObject({ code: '#VALUE!', message: expect.stringMatching(/^Costs row 1, One-time: production costs add up to 5e-324 USD/) });
    }
  });

  it('a figure that is no number inside a spill reads as text in its cell; the other figures stay', () => {
    const result = evaluateCase(sample);
    const cases = new CaseCache({ evaluate: () => ({ ...result, expansion: Infinity, npv: -0 }) });
    const outcome = runPilotFunction('SUMMARY', [sample.metrics, sample.costs, sample.readiness], { cases });
    expect(outcome.ok).toBe(true);
    const rows = outcome.ok ? (outcome.value as (string | number)[][]) : [];
    expect(rows.find((r) => r[0] === 'Cost expansion (× pilot)')?.[1]).toBe('not a finite number');
    expect(Object.is(rows.find((r) => r[0] === 'NPV')?.[1], 0)).toBe(true);
    expect(rows.find((r) => r[0] === 'Verdict')?.[1]).toBe(result.verdict);
  });
});

describe('a threshold whose solver stopped at its iteration limit', () => {
  it('is the words "did not converge" in PILOT.THRESHOLD’s cell and in PILOT.SUMMARY, never a #NUM! Excel shows without a message', () => {
    const result = evaluateCase(sample);
    const cases = new CaseCache({ evaluate: () => ({ ...result, thresholds: { ...result.thresholds, cost: 'did not converge' } }) });
    const args = (which: string) => [sample.metrics, sample.costs, which];
    expect(runPilotFunction('THRESHOLD', args('cost'), { cases })).toEqual({ ok: true, value: 'did not converge' });
    expect(runPilotFunction('THRESHOLD', args('adoption'), { cases })).toEqual({ ok: true, value: result.thresholds.adoption });
    const summary = runPilotFunction('SUMMARY', [sample.metrics, sample.costs, sample.readiness], { cases });
    const rows = summary.ok ? (summary.value as (string | number)[][]) : [];
    expect(rows.find((r) => r[0] === 'Cost threshold (× planned)')?.[1]).toBe('did not converge');
    expect(rows.find((r) => r[0] === 'NPV')?.[1]).toBe(result.npv);
  });
});

describe('PILOT functions give text a cell can hold', () => {
  it('a reason quoting a metric named with 32,767 characters quotes its first 60 and its length', () => {
    const metrics = sample.metrics.map((row, r) => (r === 2 ? ['x'.repeat(32_767), ...row.slice(1)] : row)); // Error rate: unproven, so a reason quotes it
    const outcome = runPilotFunction('REASONS', [metrics, sample.costs, sample.readiness], context());
    const texts = outcome.ok ? (outcome.value as string[][]).map((row) => row[0]) : [];
    const quoting = texts.filter((text) => text.includes('xxxxxxxx'));
    expect(quoting).toEqual([expect.stringContaining(`Metrics row 3 "${'x'.repeat(60)}…" (32,767 characters): the pilot closed 97.3% of the gap`)]);
    for (const text of texts) expect(text.length).toBeLessThan(300);
  });

  it('a text longer than a cell holds is cut to Excel’s 32,767 characters, ending in "…"', () => {
    const result = evaluateCase(sample);
    const cases = new CaseCache({ evaluate: () => ({ ...result, reasons: ['x'.repeat(40_000), 'short'] }) });
    const outcome = runPilotFunction('REASONS', [sample.metrics, sample.costs, sample.readiness], { cases });
    const texts = outcome.ok ? (outcome.value as string[][]).map((row) => row[0]) : [];
    expect(texts.map((text) => text.length)).toEqual([32_767, 5]);
    expect(texts[0].endsWith('x…')).toBe(true);
  });
});

describe('PILOT functions on units of many words', () => {
  it('PILOT.NPV over ten Value per unit cells of 32,767 characters of "USD/h " answers within a second, naming a cell', () => {
    const column = sample.metrics[0].indexOf('Value per unit');
    const metrics: Grid = [sample.metrics[0], ...Array.from({ length: 10 }, (_, i) => {
      const row = [...sample.metrics[1]];
      row[column] = `${i + 1} ${'USD/h '.repeat(5_461)}`.slice(0, 32_767);
      return row;
    })];
    const outcome = withinASecond(() => runPilotFunction('NPV', [metrics, sample.costs], context()));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.message).toMatch(/^Metrics row 2, Value per unit: "1 USD\/h USD\/h [^"]{46}…" \(32,767 characters\) has more than 8 words in its unit/);
  });
});
