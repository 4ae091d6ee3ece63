// SPEC §4: every function returns within a second on any input Excel can hold, a million rows
// included. These calls go through the runner as Excel makes them, tables handed over with ""
// for a blank cell; each is held to a second by the guard, a hang check rather than a speed
// figure (npm run bench measures the speed).
import { CaseCache } from '../../src/functions/cache';
import { runPilotFunction } from '../../src/functions/runner';
import { MAX_TABLE_ROWS } from '../../src/model/tables';
import { evaluateCase, sampleCase, type Cell } from '../../src/model';
import { withinASecond } from '../support/guard';

const MILLION = 1_000_000;
const sample = sampleCase();
const context = () => ({ cases: new CaseCache() });

/** `count` rows made by `row`; the rows Excel hands over for a range are as many arrays, so a test may share one. */
function rows(count: number, row: (i: number) => unknown[]): unknown[][] {
  return Array.from({ length: count }, (_, i) => row(i));
}

/** A table's rows as Excel hands them over: blank cells as "". */
const asExcel = (grid: readonly (readonly Cell[])[]): unknown[][] => grid.map((row) => row.map((cell) => cell ?? ''));

describe('a table of a million rows, through the runner', () => {
  // The first call of a test file loads the unit library's tables: a cost paid once, not per row.
  beforeAll(() => runPilotFunction('SUMMARY', [sample.metrics, sample.costs, sample.readiness], context()));

  it('every row different: #VALUE! on the header row saying how many rows it has and how many are read', () => {
    const metrics = [sample.metrics[0], ...rows(MILLION, (i) => [`Metric ${i}`, `${i + 20} min`, '2 min', `${i % 7} min`, '90 days', '', '', `${i + 1} docs/year`, '$45/h'])];
    const outcome = withinASecond(() => runPilotFunction('NPV', [metrics, asExcel(sample.costs)], context()), 'PILOT.NPV on a million metrics');
    expect(outcome).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: '#VALUE!',
        message: `Metrics row 1, Metric: the table has 1,000,000 rows (blank rows not counted), and Pilot Gate reads at most ${MAX_TABLE_ROWS.toLocaleString('en-US')}: no function could answer within a second on more; keep one row per metric`,
      }),
    });
  });

  it('the sample in a whole-column reference (its rows, then blank ones to a million): the sample’s own NPV and verdict, each call within a second', () => {
    const padded = (grid: readonly (readonly Cell[])[]): unknown[][] => {
      const blank = grid[0].map(() => '');
      return [...asExcel(grid), ...rows(MILLION - grid.length, () => blank)];
    };
    const args = [padded(sample.metrics), padded(sample.costs), padded(sample.readiness!)];
    const cases = new CaseCache();
    const npv = withinASecond(() => runPilotFunction('NPV', args.slice(0, 2), { cases }), 'PILOT.NPV on whole columns');
    const verdict = withinASecond(() => runPilotFunction('VERDICT', args, { cases }), 'PILOT.VERDICT on whole columns');
    const plain = evaluateCase(sample);
    expect(npv).toEqual({ ok: true, value: plain.npv });
    expect(verdict).toEqual({ ok: true, value: plain.verdict });
  });

  it('a million #N/A cells: one message counting them, within a second', () => {
    const costs = [sample.costs[0], ...rows(MILLION, () => ['Line', { code: '#N/A' }, '', '', ''])];
    const outcome = withinASecond(() => runPilotFunction('NPV', [asExcel(sample.metrics), costs], context()), 'PILOT.NPV on a million error cells');
    expect(outcome).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: '#VALUE!',
        message: 'Costs row 2, Pilot: the cell holds the Excel error #N/A: expected a value (fix the cell or clear it) (and 999,999 more problems)',
      }),
    });
  });

  it('a million assumptions Pilot Gate does not use, and a million-row Ownership table: each refused on its header row', () => {
    // A pasted column repeats itself: a few rows over and over (the rows of a table too long are counted, never read).
    const things = rows(7, (i) => [`Thing ${i}`, i]);
    const functions = rows(7, (i) => [`Function ${i}`, 'Sam Lee', 'Dana Whitfield']);
    const assumptions = [['Name', 'Value'], ...rows(MILLION, (i) => things[i % 7])];
    const ownership = [['Function', 'Responsible', 'Accountable'], ...rows(MILLION, (i) => functions[i % 7])];
    const args = [asExcel(sample.metrics), asExcel(sample.costs), asExcel(sample.readiness!), assumptions, ownership];
    const outcome = withinASecond(() => runPilotFunction('SUMMARY', args, context()), 'PILOT.SUMMARY on a million assumptions and owners');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('#VALUE!');
      expect(outcome.error.message).toMatch(/^(Assumptions row 1, Name|Ownership row 1, Function): the table has 1,000,000 rows .* \(and 1 more problem\)$/);
    }
  });
});
