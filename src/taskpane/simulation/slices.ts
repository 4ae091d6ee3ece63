/**
 * The pane's simulation in slices: a batch of trials, then a pause in which the page (or the
 * worker's message queue) gets its turn, so progress shows and Cancel is heard. The Web Worker
 * and the main-thread fallback run this same loop. It imports the simulation alone
 * (model/simulate), not the parsers and units, so the worker's chunk stays small.
 */
import { startPlannedSimulation } from '../../model/simulate';
import type { PlannedSimulation } from '../../model/simulate';
import type { Simulation } from '../../model/types';

/** A simulation to run: the case's plain-data setup, trials and seed. */
export interface SimulationRequest {
  setup: PlannedSimulation;
  trials: number;
  seed: number;
}

/** A simulation that has run: its summary and every trial's NPV, sorted ascending (for the histogram). */
export interface SimulationOutcome {
  simulation: Simulation;
  sortedNpv: Float64Array;
}

/** How the loop meets its host between slices. */
export interface SliceHost {
  /** Trials done so far, of the total. */
  progress(done: number, total: number): void;
  /** Lets the host run (a timer): messages and clicks are heard here. */
  pause(): Promise<void>;
  /** True once the person cancelled: the loop stops at the next slice. */
  stopped(): boolean;
}

/** Trials per slice: about 10 ms of work for the sample's twelve ranges, so progress moves smoothly. */
export const SLICE_TRIALS = 500;

/**
 * Runs a simulation slice by slice; null when it was stopped before the end. The figures are
 * simulateCase's for the same case, trials and seed: the slices only cut one run into batches.
 *
 * @example
 *   const outcome = await runInSlices(request, { progress: show, pause: () => new Promise((r) => setTimeout(r, 0)), stopped: () => cancelled });
 */
export async function runInSlices(request: SimulationRequest, host: SliceHost): Promise<SimulationOutcome | null> {
  const run = startPlannedSimulation(request.setup, request.trials, request.seed);
  host.progress(0, run.trials);
  while (run.completed < run.trials) {
    await host.pause();
    if (host.stopped()) return null;
    host.progress(run.advance(SLICE_TRIALS), run.trials);
  }
  return { simulation: run.result(), sortedNpv: run.sortedNpv() };
}

/**
 * A pause of one timer turn: what lets a click or a message in between two slices.
 *
 * @example
 *   await nextTurn();
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
