/**
 * The pane's simulation in slices (src/taskpane/simulation): the figures are simulateCase's to
 * the bit, progress moves a slice at a time, and Cancel stops the loop. Run here on the main
 * thread, as jsdom and a page without workers run it; the worker runs the same loop
 * (test/e2e/how-sure.test.ts runs it in Chromium).
 */
import { simulateCase, simulationSetup } from '../../src/model';
import { mainThreadSimulator } from '../../src/taskpane/simulation/simulator';
import { SLICE_TRIALS, runInSlices } from '../../src/taskpane/simulation/slices';
import type { SimulationRequest } from '../../src/taskpane/simulation/slices';
import { rangedSampleCase } from '../support/ranges';

function request(trials: number, seed: number): SimulationRequest {
  // Through a structured clone, as postMessage hands it to a worker.
  return structuredClone({ setup: simulationSetup(rangedSampleCase()), trials, seed });
}

const immediately = () => Promise.resolve();

describe('the simulation in slices', () => {
  it('gives simulateCase’s figures to the bit, for the default and another seed', async () => {
    for (const [trials, seed] of [
      [10_000, 1],
      [2_345, 7],
    ]) {
      const outcome = await runInSlices(request(trials, seed), { progress: () => undefined, pause: immediately, stopped: () => false });
      expect(outcome?.simulation).toStrictEqual(simulateCase(rangedSampleCase(), { trials, seed }));
      expect(outcome?.sortedNpv).toHaveLength(trials);
      // Sorted ascending, from the lowest NPV drawn to the highest.
      expect([...(outcome?.sortedNpv ?? [])].every((x, i, all) => i === 0 || all[i - 1] <= x)).toBe(true);
    }
  });

  it('matches the guide’s figures for the sample with ranges (docs/guide.md, "How sure: ranges")', async () => {
    const outcome = await runInSlices(request(10_000, 1), { progress: () => undefined, pause: immediately, stopped: () => false });
    const npv = outcome!.simulation.npv;
    expect([npv.p10, npv.p50, npv.p90, npv.mean].map(Math.round)).toEqual([1_224_297, 1_372_659, 1_520_532, 1_372_148]);
  });

  it('tells its progress after each slice, up to every trial', async () => {
    const seen: number[] = [];
    await runInSlices(request(1_200, 1), { progress: (done, total) => seen.push(done, total), pause: immediately, stopped: () => false });
    expect(SLICE_TRIALS).toBe(500);
    expect(seen).toEqual([0, 1200, 500, 1200, 1000, 1200, 1200, 1200]);
  });

  it('stops at the next slice once stopped, with no outcome', async () => {
    const seen: number[] = [];
    let stop = false;
    const outcome = await runInSlices(request(10_000, 1), {
      progress: (done) => {
        seen.push(done);
        if (done >= 1_000) stop = true;
      },
      pause: immediately,
      stopped: () => stop,
    });
    expect(outcome).toBeNull();
    expect(seen).toEqual([0, 500, 1000]);
  });

  it('on the main thread, cancel ends the job with no outcome', async () => {
    const seen: number[] = [];
    const job = mainThreadSimulator(request(10_000, 1), (done) => seen.push(done));
    job.cancel();
    await expect(job.outcome).resolves.toBeNull();
    expect(seen).toEqual([0]);
  });

  it('refuses trials out of range with the engine’s message', async () => {
    await expect(runInSlices(request(0, 1), { progress: () => undefined, pause: immediately, stopped: () => false })).rejects.toThrow(
      'trials must be a whole number from 1 to 100,000, got 0',
    );
  });
});
