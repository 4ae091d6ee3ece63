import fc from 'fast-check';
import type { Cell, GateResult, Grid, ReadinessResult } from '../../src/model/types';
import { ModelError } from '../../src/model/errors';
import { STANDARD_GATES, evaluateReadiness } from '../../src/model/readiness';
import { TIMELINE_RANGES, defaultTransitionMonths, estimateTimeline } from '../../src/model/timeline';
import spec7 from './fixtures/readiness-spec7.json';

/** Every standard gate except Regulatory review, done and owned. */
function allPassing(): Cell[][] {
  return STANDARD_GATES.filter((g) => g.key !== 'regulatory').map((g) => [g.name, 'yes', 'Ana Ruiz']);
}

function readiness(rows: Cell[][]): ReadinessResult {
  return evaluateReadiness([['Gate', 'Status', 'Owner'], ...rows], undefined).result;
}

function setStatus(rows: Cell[][], name: string, status: Cell): Cell[][] {
  return rows.map((r) => (r[0] === name ? [name, status, r[2]] : r));
}

describe('SPEC §7', () => {
  it('is typical, 4–6 months, T = 5: the workflow gate fails, nothing makes it complex', () => {
    const timeline = estimateTimeline(evaluateReadiness(spec7.grid as Grid, undefined).result, 1);
    expect(timeline).toEqual(spec7.expected.timeline);
    expect(defaultTransitionMonths(timeline)).toBe(spec7.expected.transitionMonths);
  });
});

describe('estimateTimeline', () => {
  it('is best case, 2–3 months, when sponsor, integration, workflow and metrics pass and Integrations ≤ 1', () => {
    expect(estimateTimeline(readiness(allPassing()), 1)).toEqual({ low: 2, high: 3, case: 'best' });
    expect(estimateTimeline(readiness(allPassing()), 0).case).toBe('best');
  });

  it('ignores the other gates for the best case', () => {
    let rows = allPassing();
    for (const name of ['Infrastructure', 'Change management plan', 'Operations runbook and rollback']) {
      rows = setStatus(rows, name, 'partial');
    }
    expect(readiness(rows).progress).toBeGreaterThanOrEqual(0.5);
    expect(estimateTimeline(readiness(rows), 1).case).toBe('best');
  });

  it.each(['Executive sponsor', 'Integration path', 'Workflow redesign', 'Success metrics in business terms'])(
    'is typical when %s does not pass',
    (name) => {
      expect(estimateTimeline(readiness(setStatus(allPassing(), name, 'partial')), 1)).toEqual({
        low: 4,
        high: 6,
        case: 'typical',
      });
    },
  );

  it('is typical with 2 integrations even when every gate passes', () => {
    expect(estimateTimeline(readiness(allPassing()), 2).case).toBe('typical');
  });

  it('is complex, 6–12 months, with 3 or more integrations, and complex wins over best', () => {
    expect(estimateTimeline(readiness(allPassing()), 3)).toEqual({ low: 6, high: 12, case: 'complex' });
  });

  it('is complex when a Regulatory review row does not pass, even when the best-case gates pass', () => {
    const rows = [...allPassing(), ['Regulatory review', 'partial', 'Kim']];
    expect(estimateTimeline(readiness(rows), 1).case).toBe('complex');
    const passing = [...allPassing(), ['Regulatory', 'yes', 'Kim']];
    expect(estimateTimeline(readiness(passing), 1).case).toBe('best');
  });

  it('counts only a Regulatory review that has a row, in a result built by another module', () => {
    const result = readiness(allPassing());
    const unassessed: GateResult = {
      gate: 'Regulatory review',
      row: null,
      standard: true,
      blocking: true,
      score: 0,
      passes: false,
      owner: null,
      evidence: '',
      note: 'not assessed',
    };
    expect(estimateTimeline({ ...result, gates: [...result.gates, unassessed] }, 1).case).toBe('best');
    expect(estimateTimeline({ ...result, gates: [...result.gates, { ...unassessed, row: 12 }] }, 1).case).toBe('complex');
  });

  it('is complex when progress is below 50%, and not at exactly 50%', () => {
    const names = [
      'Production data audited',
      'Infrastructure',
      'Ownership',
      'Change management plan',
      'Adoption beyond the pilot team',
    ];
    let half = allPassing();
    for (const name of names) half = setStatus(half, name, 'no');
    expect(readiness(half).progress).toBe(0.5);
    expect(estimateTimeline(readiness(half), 1).case).toBe('best');
    const below = setStatus(half, 'Operations runbook and rollback', 'partial');
    expect(readiness(below).progress).toBeLessThan(0.5);
    expect(estimateTimeline(readiness(below), 1).case).toBe('complex');
  });

  it('is typical with no readiness table', () => {
    expect(estimateTimeline(null, 1)).toEqual({ low: 4, high: 6, case: 'typical' });
  });

  it('rejects an Integrations count that is not a number of systems', () => {
    for (const bad of [Number.NaN, -1, Number.POSITIVE_INFINITY]) {
      expect(() => estimateTimeline(null, bad)).toThrow(ModelError);
    }
  });

  it('always returns one of the three ranges, complex whenever progress < 50%', () => {
    const row = fc.tuple(
      fc.constantFrom(...STANDARD_GATES.map((g) => g.name)),
      fc.constantFrom<Cell>('yes', 'no', 'partial', '80%'),
      fc.constantFrom<Cell>('Dana', 'TBD'),
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), fc.integer({ min: 0, max: 6 }), (rows, integrations) => {
        const result = readiness(rows);
        const timeline = estimateTimeline(result, integrations);
        // SPEC §3.7's three ranges, written out.
        expect([
          { low: 2, high: 3, case: 'best' },
          { low: 4, high: 6, case: 'typical' },
          { low: 6, high: 12, case: 'complex' },
        ]).toContainEqual(timeline);
        if (result.progress < 0.5 || integrations >= 3) expect(timeline.case).toBe('complex');
        if (integrations === 2) expect(timeline.case).not.toBe('best');
      }),
    );
  });
});

describe('defaultTransitionMonths', () => {
  it('is the midpoint rounded up: 3, 5 and 9', () => {
    expect(defaultTransitionMonths({ ...TIMELINE_RANGES.best, case: 'best' })).toBe(3);
    expect(defaultTransitionMonths({ ...TIMELINE_RANGES.typical, case: 'typical' })).toBe(5);
    expect(defaultTransitionMonths({ ...TIMELINE_RANGES.complex, case: 'complex' })).toBe(9);
  });
});
