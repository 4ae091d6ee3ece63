// Inputs a hostile or unlucky paste can put in a workbook, each of which once froze Excel, threw
// an untyped error or produced a figure that is no number. SPEC §4: every function returns within
// a second on any input Excel can hold, and no NaN, ±Infinity or −0 leaves the engine.
import { evaluateCase, type CaseInput } from '../../src/model';
import { irr } from '../../src/model/finance';
import { withinASecond } from '../support/guard';

describe('every solver stops and says when there is no solution', () => {
  it('IRR of [−1, 1e-300, −5e-324] is none: the lower bound on its roots overflows to −∞ and the scan has a cap', () => {
    // −1 + 1e-300·x − 5e-324·x² has no real root (its discriminant is 1e-600 − 2e-323 < 0).
    expect(withinASecond(() => irr([-1, 1e-300, -5e-324]))).toBeNull();
    expect(withinASecond(() => irr([-5e-324, 1e-300, -1]))).toBeNull();
  });

  it('a case whose yearly net flows are [−1, ~5e-199, −5e-324] evaluates, with no IRR', () => {
    // One-time 1, Annual 5e-324; the benefit runs only in Year 1 (ramp 100% then 0%).
    const input: CaseInput = {
      metrics: [['Metric', 'Baseline', 'Target', 'Pilot', 'Unit', 'Value per unit'], ['Hours saved', 0, 1e-200, 1e-200, 'h/week', 1]],
      costs: [['Category', 'One-time', 'Annual'], ['Build', 1, 5e-324]],
      assumptions: [['Name', 'Value'], ['Adoption ramp', '100%, 0%'], ['Horizon', 2], ['Transition months', 0], ['Benefit risk adjustment', 0]],
    };
    const result = withinASecond(() => evaluateCase(input));
    expect(result.irr).toBeNull();
    expect(result.cashflows.map((y) => Math.sign(y.net))).toEqual([-1, 1, -1]);
  });
});
