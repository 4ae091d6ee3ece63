// Worker for bench/finance.bench.ts: calls formulajs IRR on each row from `from` on, announcing
// each index before the call, so the index last announced when the watchdog fires is the row
// that never returns.
const { parentPort, workerData } = require('node:worker_threads');
const { IRR } = require(workerData.formulajs);

for (let i = workerData.from; i < workerData.rows.length; i += 1) {
  parentPort.postMessage(i);
  IRR(workerData.rows[i], workerData.guess);
}
parentPort.postMessage(-1);
