/** What the pane and its simulation worker say to each other (structured clones: plain data). */
import type { SimulationOutcome, SimulationRequest } from './slices';

/** From the pane: run this simulation. (Cancel ends the worker itself.) */
export type ToWorker = SimulationRequest;

/** From the worker: progress, the outcome, or why it could not run. */
export type FromWorker =
  | { kind: 'progress'; done: number; total: number }
  | ({ kind: 'done' } & SimulationOutcome)
  | { kind: 'failed'; message: string };
