// PILOT functions called as Excel calls them, on inputs that once froze the shared runtime (one
// stuck call stops every function and the task pane) or came back as a bare error.
import { CaseCache } from '../../src/functions/cache';
import { runPilotFunction } from '../../src/functions/runner';
import { sampleCase, type Grid } from '../../src/model';
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
      expect(outcome.error.message).toMatch(/^Metrics row 2, Direction: "a +b" is not a direction.*\(and 9 more problems\)$/);
    }
  });
});
