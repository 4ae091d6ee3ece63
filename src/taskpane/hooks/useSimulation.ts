import { useCallback, useEffect, useRef, useState } from 'react';
import { howSureFigures } from '../../usecases';
import type { HowSureFigures, HowSurePlan } from '../../usecases';
import type { SimulationJob, Simulator } from '../simulation/simulator';

/** Where the pane's simulation stands. */
export type SimulationState =
  | { kind: 'none' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; figures: HowSureFigures }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

export interface SimulationControls {
  cancel(): void;
  /** Runs the simulation again (after Cancel). */
  run(): void;
}

/**
 * Runs the card's simulation whenever the card changes (a new evaluation cancels a running one),
 * with progress, Cancel and Run again. The figures come from the use cases (howSureFigures).
 *
 * @example
 *   const [simulation, controls] = useSimulation(card.howSure, defaultSimulator);
 *   controls.cancel();
 */
export function useSimulation(plan: HowSurePlan | null, simulator: Simulator): [SimulationState, SimulationControls] {
  const [state, setState] = useState<SimulationState>({ kind: 'none' });
  /** The job running now, and its ticket: what a slice reports is heard only while its ticket is current. */
  const jobRef = useRef<SimulationJob | null>(null);
  const ticketRef = useRef<object | null>(null);

  const stop = useCallback(() => {
    jobRef.current?.cancel();
    jobRef.current = null;
    ticketRef.current = null;
  }, []);

  const start = useCallback(() => {
    stop();
    const setup = plan?.setup;
    if (!plan || !setup) {
      setState({ kind: 'none' });
      return;
    }
    // Taken before the job starts: its first progress comes at once, before it is returned.
    const ticket = {};
    ticketRef.current = ticket;
    const current = () => ticketRef.current === ticket;
    setState({ kind: 'running', done: 0, total: plan.trials });
    const job = simulator({ setup, trials: plan.trials, seed: plan.seed }, (done, total) => {
      if (current()) setState({ kind: 'running', done, total });
    });
    jobRef.current = job;
    job.outcome.then(
      (outcome) => {
        if (!current()) return;
        jobRef.current = null;
        ticketRef.current = null;
        setState(outcome ? { kind: 'done', figures: howSureFigures(plan, outcome.simulation, outcome.sortedNpv) } : { kind: 'cancelled' });
      },
      (error: unknown) => {
        if (!current()) return;
        jobRef.current = null;
        ticketRef.current = null;
        setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
  }, [plan, simulator, stop]);

  useEffect(() => {
    start();
    return stop;
  }, [start, stop]);

  const cancel = useCallback(() => {
    if (!jobRef.current) return;
    stop();
    setState({ kind: 'cancelled' });
  }, [stop]);

  return [state, { cancel, run: start }];
}
