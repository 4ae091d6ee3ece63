/**
 * Where the pane's simulation runs: a Web Worker where the page has one, else the page itself in
 * slices with a pause between them (jsdom, or a host without workers). Both run ./slices, so the
 * figures are the same; only where the loop runs differs.
 */
import type { FromWorker } from './messages';
import { nextTurn, runInSlices } from './slices';
import type { SimulationOutcome, SimulationRequest } from './slices';

/** A simulation under way: its outcome (null once cancelled), and how to stop it. */
export interface SimulationJob {
  outcome: Promise<SimulationOutcome | null>;
  cancel(): void;
}

/** Starts a simulation, telling `progress` the trials done after each slice. */
export type Simulator = (request: SimulationRequest, progress: (done: number, total: number) => void) => SimulationJob;

/**
 * The simulation on the page's own thread, a slice at a time.
 *
 * @example
 *   const job = mainThreadSimulator(request, (done, total) => show(done, total));
 *   job.cancel();
 */
export const mainThreadSimulator: Simulator = (request, progress) => {
  let cancelled = false;
  return {
    outcome: runInSlices(request, { progress, pause: nextTurn, stopped: () => cancelled }),
    cancel: () => {
      cancelled = true;
    },
  };
};

/**
 * The simulation in a Web Worker made by `start`; cancel terminates the worker.
 *
 * @example
 *   const simulate = workerSimulator(startSimulationWorker);
 *   const job = simulate(request, show);
 */
export function workerSimulator(start: () => Worker): Simulator {
  return (request, progress) => {
    const worker = start();
    let settle: (outcome: SimulationOutcome | null) => void = () => undefined;
    const outcome = new Promise<SimulationOutcome | null>((resolve, reject) => {
      settle = resolve;
      worker.onmessage = (event: MessageEvent<FromWorker>) => {
        const message = event.data;
        if (message.kind === 'progress') progress(message.done, message.total);
        else {
          worker.terminate();
          if (message.kind === 'done') resolve({ simulation: message.simulation, sortedNpv: message.sortedNpv });
          else reject(new Error(message.message));
        }
      };
      worker.onerror = (event) => {
        worker.terminate();
        reject(new Error(`The simulation could not run: ${event.message || 'its worker failed to load'}.`));
      };
    });
    worker.postMessage(request);
    return {
      outcome,
      cancel: () => {
        worker.terminate();
        settle(null);
      },
    };
  };
}

/**
 * The pane's simulator: a Web Worker where the page has them (its module fetched on first use),
 * else the main thread.
 *
 * @example
 *   const job = defaultSimulator(request, show);
 */
export const defaultSimulator: Simulator = (request, progress) => {
  if (typeof Worker !== 'function') return mainThreadSimulator(request, progress);
  let job: SimulationJob | null = null;
  let cancelled = false;
  const outcome = import(/* webpackChunkName: "start-worker" */ './start-worker').then(({ startSimulationWorker }) => {
    if (cancelled) return null;
    job = workerSimulator(startSimulationWorker)(request, progress);
    return job.outcome;
  });
  return {
    outcome,
    cancel: () => {
      cancelled = true;
      job?.cancel();
    },
  };
};
