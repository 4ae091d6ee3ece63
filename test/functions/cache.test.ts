import fc from 'fast-check';
import { CaseCache, caseKey } from '../../src/functions/cache';
import { runPilotFunction } from '../../src/functions/runner';
import { evaluateCase, sampleCase, type CaseInput, type CaseResult, type Cell, type Grid } from '../../src/model';
import { CaseInputError } from '../../src/model/errors';

/** evaluateCase, counting its calls: the cache must call it once per distinct case content. */
function countingEvaluator() {
  const calls: CaseInput[] = [];
  const evaluate = (input: CaseInput): CaseResult => {
    calls.push(input);
    return evaluateCase(input);
  };
  return { calls, evaluate };
}

const copy = (grid: Grid): Grid => grid.map((row) => [...row]);

describe('caseKey', () => {
  const cell: fc.Arbitrary<Cell> = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer({ min: -5, max: 5 }),
    fc.string({ maxLength: 4 }),
    fc.constantFrom('', '1', 'n1;', 's1:', '_', 'T', '|', 'x', 'Infinity', 'NaN', '-0', 'r1:', 'g1['),
  );
  const grid = fc.array(fc.array(cell, { maxLength: 3 }), { maxLength: 3 });
  const input = fc.record({ metrics: grid, costs: grid, readiness: fc.option(grid, { nil: undefined }), assumptions: fc.option(grid, { nil: undefined }) });

  it('gives different content different keys and equal content equal keys (property)', () => {
    fc.assert(
      fc.property(input, input, (a, b) => {
        const same = JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
        expect(caseKey(a) === caseKey(b)).toBe(same);
      }),
      { numRuns: 2000 },
    );
  });

  it('tells apart what a loose serialisation would merge', () => {
    const base = { metrics: [['a']], costs: [[1]] };
    const variants: CaseInput[] = [
      { metrics: [['a']], costs: [['1']] }, // number vs text
      { metrics: [['a']], costs: [[true]] }, // 1 vs TRUE
      { metrics: [['a']], costs: [[null]] }, // blank
      { metrics: [['a', null]], costs: [[1]] }, // trailing blank cell
      { metrics: [['a'], []], costs: [[1]] }, // an extra empty row
      { metrics: [['a']], costs: [[1]], readiness: [] }, // an empty table vs none
      { metrics: [['a']], costs: [[-0]] }, // -0
      { metrics: [['a']], costs: [[NaN]] },
    ];
    const keys = new Set([caseKey(base), ...variants.map(caseKey)]);
    expect(keys.size).toBe(variants.length + 1);
  });
});

/** The content a key must capture: cells with their type, -0 and NaN spelled out, absent tables marked. */
function canonical(input: CaseInput): unknown {
  const cell = (c: Cell) => (typeof c === 'number' ? ['n', Object.is(c, -0) ? '-0' : String(c)] : [typeof c, c]);
  const grid = (g: Grid | undefined) => (g === undefined ? 'absent' : g.map((row) => row.map(cell)));
  return [grid(input.metrics), grid(input.costs), grid(input.readiness), grid(input.ownership), grid(input.assumptions)];
}

describe('CaseCache', () => {
  it('evaluates the same content once, however many functions ask and whoever built the grids', () => {
    const counter = countingEvaluator();
    const cases = new CaseCache({ evaluate: counter.evaluate });
    const context = { cases };
    const { metrics, costs, assumptions } = sampleCase();
    for (const id of ['NPV', 'IRR', 'ROI', 'CASHFLOWS']) {
      expect(runPilotFunction(id, [copy(metrics), copy(costs), copy(assumptions!)], context).ok).toBe(true);
    }
    for (const which of ['adoption', 'volume', 'cost', 'realization']) {
      expect(runPilotFunction('THRESHOLD', [copy(metrics), copy(costs), which, copy(assumptions!)], context).ok).toBe(true);
    }
    expect(counter.calls).toHaveLength(1);
  });

  it('re-evaluates when one cell changes, and never hands back the stale result', () => {
    const counter = countingEvaluator();
    const context = { cases: new CaseCache({ evaluate: counter.evaluate }) };
    const { metrics, costs } = sampleCase();
    const before = runPilotFunction('NPV', [metrics, costs], context);
    const edited = copy(costs);
    edited[2][3] = 60000; // Infrastructure annual 30,000 → 60,000
    const after = runPilotFunction('NPV', [metrics, edited], context);
    expect(counter.calls).toHaveLength(2);
    expect(before.ok && after.ok).toBe(true);
    if (!before.ok || !after.ok) return;
    expect(after.value).not.toBe(before.value);
    expect(after.value).toBe(evaluateCase({ metrics, costs: edited }).npv);
    // Back to the original content: the original result, from the cache.
    expect(runPilotFunction('NPV', [metrics, costs], context)).toEqual(before);
    expect(counter.calls).toHaveLength(2);
  });

  it('keeps the case with and without a Readiness table apart (their go-live may differ)', () => {
    const counter = countingEvaluator();
    const context = { cases: new CaseCache({ evaluate: counter.evaluate }) };
    const s = sampleCase();
    runPilotFunction('NPV', [s.metrics, s.costs, s.assumptions], context);
    runPilotFunction('VERDICT', [s.metrics, s.costs, s.readiness, s.assumptions], context);
    runPilotFunction('REASONS', [s.metrics, s.costs, s.readiness, s.assumptions], context);
    runPilotFunction('SUMMARY', [s.metrics, s.costs, s.readiness, s.assumptions], context);
    expect(counter.calls).toHaveLength(2);
    expect(counter.calls[0].readiness).toBeUndefined();
    expect(counter.calls[1].readiness).toEqual(s.readiness);
  });

  it('caches bad input too: the same #VALUE! without evaluating again', () => {
    const counter = countingEvaluator();
    const cases = new CaseCache({ evaluate: counter.evaluate });
    const bad = { metrics: [['Metric', 'Baseline', 'Target'], ['Errors', 'N/A', '1%']], costs: [['Category']] };
    const first = (() => {
      try {
        cases.evaluate(bad);
      } catch (error) {
        return error;
      }
    })();
    expect(first).toBeInstanceOf(CaseInputError);
    expect(() => cases.evaluate(bad)).toThrow(first as Error);
    expect(counter.calls).toHaveLength(1);
  });

  it('does not cache a defect (an error that is not the engine’s)', () => {
    let calls = 0;
    const cases = new CaseCache({
      evaluate: () => {
        calls++;
        throw new TypeError('broken');
      },
    });
    expect(() => cases.evaluate(sampleCase())).toThrow(TypeError);
    expect(() => cases.evaluate(sampleCase())).toThrow(TypeError);
    expect(calls).toBe(2);
    expect(cases.size).toBe(0);
  });

  it('holds at most its capacity, dropping the least recently used case', () => {
    const counter = countingEvaluator();
    const cases = new CaseCache({ evaluate: counter.evaluate, capacity: 2 });
    const { metrics, costs } = sampleCase();
    const withRate = (rate: number): CaseInput => ({ metrics, costs, assumptions: [['Name', 'Value'], ['Discount rate', rate]] });
    cases.evaluate(withRate(0.1)); // A
    cases.evaluate(withRate(0.2)); // B
    cases.evaluate(withRate(0.1)); // A again: cached, now most recent
    cases.evaluate(withRate(0.3)); // C: drops B
    expect(cases.size).toBe(2);
    expect(counter.calls).toHaveLength(3);
    cases.evaluate(withRate(0.1)); // A still there
    expect(counter.calls).toHaveLength(3);
    cases.evaluate(withRate(0.2)); // B was dropped: evaluated again
    expect(counter.calls).toHaveLength(4);
  });
});
