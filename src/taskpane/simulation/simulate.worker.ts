/**
 * The pane's simulation in a Web Worker: the slices of ./slices, with progress posted after each.
 * Cancel terminates the worker, so it keeps no state of its own between runs.
 */
import type { FromWorker, ToWorker } from './messages';
import { runInSlices } from './slices';

/** The worker's own scope, typed by what it uses of it (the project's lib is the DOM's). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

/**
 * Between slices the worker has nothing to hear (Cancel terminates it) and its progress messages
 * leave at once, so it pauses for a microtask only: a timer turn would cost Chromium's 4 ms
 * clamp on nested timers each slice, 80 ms over 10,000 trials.
 */
const noPause = (): Promise<void> => Promise.resolve();

scope.onmessage = (event) => {
  runInSlices(event.data, { progress: (done, total) => scope.postMessage({ kind: 'progress', done, total }), pause: noPause, stopped: () => false }).then(
    (outcome) => {
      // Never null: this loop is not stopped, the worker is terminated instead.
      if (outcome) scope.postMessage({ kind: 'done', ...outcome }, [outcome.sortedNpv.buffer]);
    },
    (error: unknown) => scope.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
};
