/**
 * The pane's simulation in a Web Worker: the slices of ./slices, with progress posted after each.
 * Cancel terminates the worker, so it keeps no state of its own between runs.
 */
import type { FromWorker, ToWorker } from './messages';
import { nextTurn, runInSlices } from './slices';

/** The worker's own scope, typed by what it uses of it (the project's lib is the DOM's). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  runInSlices(event.data, { progress: (done, total) => scope.postMessage({ kind: 'progress', done, total }), pause: nextTurn, stopped: () => false }).then(
    (outcome) => {
      // Never null: this loop is not stopped, the worker is terminated instead.
      if (outcome) scope.postMessage({ kind: 'done', ...outcome }, [outcome.sortedNpv.buffer]);
    },
    (error: unknown) => scope.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
};
