/**
 * A progress bar on stderr for long runs, drawn in place on a terminal and not at all elsewhere (a
 * log file or a pipe gets no carriage returns).
 */

/** Below this many workbooks a run is quick enough to need no bar. */
export const PROGRESS_FROM = 10;
const BAR_WIDTH = 30;

export interface Progress {
  /** The `done`-th of `total` workbooks is finished; `name` is the one just done. */
  tick(done: number, name: string): void;
  /** Clears the bar so that what follows starts on a clean line. */
  end(): void;
}

/**
 * A bar over `total` workbooks written to `stream`, or one that does nothing when the stream is not
 * a terminal or the run is short.
 *
 * @example
 *   const progress = progressBar(process.stderr, files.length);
 *   progress.tick(1, 'claims.xlsx');
 */
export function progressBar(stream: { isTTY?: boolean; columns?: number; write(text: string): unknown }, total: number): Progress {
  if (!stream.isTTY || total < PROGRESS_FROM) return { tick: () => undefined, end: () => undefined };
  const width = Math.max(40, stream.columns ?? 80);
  return {
    tick(done, name) {
      const filled = Math.round((done / total) * BAR_WIDTH);
      const line = `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done}/${total} ${name}`;
      stream.write(`\r${line.slice(0, width - 1).padEnd(width - 1)}`);
    },
    end() {
      stream.write(`\r${' '.repeat(width - 1)}\r`);
    },
  };
}
