/**
 * What jsdom lacks that the task pane touches: layout, so no ResizeObserver (Fluent's MessageBar
 * watches its own size with one), and a canvas, so the charts keep their text alternatives, as
 * in a browser that refuses canvas.
 *
 * @example
 *   beforeAll(paneInJsdom);
 */
export function paneInJsdom(): void {
  HTMLCanvasElement.prototype.getContext = () => null;
  globalThis.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}
