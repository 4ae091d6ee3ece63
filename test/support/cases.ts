import { SAMPLE_COSTS, SAMPLE_METRICS, SAMPLE_READINESS, sampleCase } from '../../src/model';
import type { CaseInput, Grid } from '../../src/model';
import { assumptionsGrid, withCell } from './grids';

/**
 * The sample of SPEC §7 with every metric proven (Error rate 0.5%, 200 hours saved a week) and
 * every gate done and owned: each gate keeps its owner, and Workflow redesign (TBD in the
 * sample) is owned by Sam Okafor. Its verdict is SCALE.
 *
 * @example
 *   evaluateCase(readyCase()).verdict // 'SCALE'
 */
export function readyCase(): CaseInput {
  let metrics: Grid = withCell(SAMPLE_METRICS, 'Error rate', 'Pilot', '0.5%');
  metrics = withCell(metrics, 'Employee hours saved/week', 'Pilot', 200);
  const readiness: Grid = SAMPLE_READINESS.map((row, i) => (i === 0 ? [...row] : [row[0], 'yes', row[2] === 'TBD' ? 'Sam Okafor' : row[2], row[3]]));
  return { ...sampleCase(), metrics, readiness };
}

/**
 * A copy of the case with the Operations and support line's Annual replaced: the one cost that
 * moves a case from SCALE to PIVOT (800,000) or KILL (2,000,000).
 *
 * @example
 *   evaluateCase(withRun(readyCase(), 800000)).verdict // 'PIVOT'
 */
export function withRun(input: CaseInput, annual: number): CaseInput {
  return { ...input, costs: withCell(SAMPLE_COSTS, 'Operations and support', 'Annual', annual) };
}

/**
 * A plan whose adoption ramp tops out at 25% (SPEC §3.5): one proven money rate, a $10,000 a month
 * bill cut to $0 (120,000 a year), O = 6,000 and R = 30,000, go-live at once, one year, no
 * discounting and no benefit risk, so NPV is plain arithmetic. Year 1 holds 3 × 10% + 9 × 25% =
 * 2.55 adoption-months; the ramp scaled to a plateau x holds 10.2x, so NPV(x) = 102,000x − 36,000
 * and adoption must reach 36,000 / 102,000 = 35.3%. Its verdict is PIVOT.
 *
 * @example
 *   evaluateCase(toppedRampCase()).thresholds.adoption // 0.35294…
 */
export function toppedRampCase(): CaseInput {
  return {
    metrics: [
      ['Metric', 'Baseline', 'Target', 'Pilot', 'Unit', 'Timeline'],
      ['Cloud bill', 10000, 0, 0, '$/month', '90 days'],
    ],
    costs: [
      ['Category', 'Pilot', 'One-time', 'Annual'],
      ['Infrastructure', 10000, 6000, 30000],
    ],
    assumptions: assumptionsGrid({
      'Transition months': 0,
      'Adoption ramp': '10%, 25%',
      Horizon: 1,
      'Discount rate': 0,
      'Benefit risk adjustment': 0,
    }),
  };
}

/**
 * The case's tables that it holds, by name, in the order the template adds them: what a test
 * writes into a workbook, one sheet and one table of that name each.
 *
 * @example
 *   tablesOf(sampleCase()).map(([name]) => name) // ['Metrics', 'Costs', 'Readiness', 'Ownership', 'Assumptions']
 */
export function tablesOf(input: CaseInput): ['Metrics' | 'Costs' | 'Readiness' | 'Ownership' | 'Assumptions', Grid][] {
  const tables = [
    ['Metrics', input.metrics],
    ['Costs', input.costs],
    ['Readiness', input.readiness],
    ['Ownership', input.ownership],
    ['Assumptions', input.assumptions],
  ] as const;
  return tables.filter((t): t is (typeof tables)[number] & [unknown, Grid] => t[1] !== undefined).map(([name, grid]) => [name, grid]);
}
