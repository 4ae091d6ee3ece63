/**
 * Starts the simulation's Web Worker: webpack bundles ./simulate.worker.ts as a chunk of its own
 * from this `new Worker(new URL(…, import.meta.url))`. Loaded only where a Worker exists (not in
 * jsdom, whose tests run the main-thread fallback), so Node never meets `import.meta`.
 */

/**
 * A new simulation worker.
 *
 * @example
 *   const worker = startSimulationWorker();
 *   worker.postMessage(request);
 */
export function startSimulationWorker(): Worker {
  // @ts-expect-error TS1343: webpack reads import.meta (ts-loader emits ES modules); the type check and jest compile to CommonJS.
  return new Worker(/* webpackChunkName: "simulate-worker" */ new URL('./simulate.worker.ts', import.meta.url));
}
