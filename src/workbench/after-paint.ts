/**
 * Calls `run` once the browser has painted what is on the page now: in the task after the next
 * frame, when that frame's layout is done and reading it costs nothing. Returns the cancel.
 *
 * @example
 *   useEffect(() => afterPaint(() => setDrawnFully(sheet)), [sheet]);
 */
export function afterPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
