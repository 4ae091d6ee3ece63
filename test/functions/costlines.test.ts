/**
 * PILOT.COSTLINES: the cost expansion by category, each line's pilot cost against production's
 * first year with its multiple and its alarm, pinned to the sample's Costs (SPEC §7) by hand.
 */
import { CaseCache } from '../../src/functions/cache';
import { runPilotFunction } from '../../src/functions/runner';
import { sampleCase, type Grid } from '../../src/model';

const context = { cases: new CaseCache() };
const s = sampleCase();

function spill(args: unknown[]): unknown[][] {
  const outcome = runPilotFunction('COSTLINES', args, context);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value as unknown[][];
}

describe('PILOT.COSTLINES', () => {
  it('gives each line pilot, One-time + Annual, their ratio and pilot × alarm, then the totals', () => {
    const lines = spill([s.costs]);
    expect(lines).toHaveLength(10);
    expect(lines[2]).toEqual(['Infrastructure', 15000, 20000 + 30000, 50000 / 15000, 15000 * 3]);
    expect(lines[9]).toEqual(['Total', 120000, 381000, 3.175, 360000]);
  });

  it('draws the alarm the Assumptions set, and says "none" for a multiple of a line with no pilot cost', () => {
    const costs: Grid = [
      ['Category', 'Pilot', 'One-time', 'Annual'],
      ['Infrastructure', 10000, 5000, 20000],
      ['Donated model', 0, null, 20000, null],
    ];
    const lines = spill([costs, [['Assumption', 'Value'], ['Expansion alarm', '4×']]]);
    expect(lines[0][4]).toBe('Alarm (4.00× pilot)');
    expect(lines[1]).toEqual(['Infrastructure', 10000, 25000, 2.5, 40000]);
    expect(lines[2]).toEqual(['Donated model', 0, 20000, 'none (no pilot cost)', 0]);
  });

  it('names the table, row and column of a cost it cannot read', () => {
    const outcome = runPilotFunction('COSTLINES', [[['Category', 'Pilot'], ['Security', 'lots']]], context);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.error.message).toMatch(/Costs row 2.*Pilot/);
  });
});
