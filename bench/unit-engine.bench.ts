/**
 * The unit engine's build, from nothing to the first conversion, each run in a fresh process:
 * mathjs's Unit class wired with number arithmetic (src/model/unit-engine.ts) against the mathjs
 * instance made with create() that Pilot Gate used before, whose typed scalar functions were the
 * cost. The two ways run in turn, so both meet the same load on a shared machine.
 */
import { execFile } from 'child_process';
import path from 'path';
import { median } from './timing';
import type { BenchEntry } from './types';

const RUNS = 7;
const CHILD = path.join(__dirname, 'unit-engine-child.ts');

function buildMs(way: 'old' | 'new'): Promise<number> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-r', 'ts-node/register/transpile-only', CHILD, way], { cwd: path.join(__dirname, '..'), timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`the ${way} unit engine's build failed: ${error.message}\n${stderr}`));
      else resolve((JSON.parse(stdout) as { ms: number }).ms);
    });
  });
}

export default async function unitEngineBench(): Promise<BenchEntry[]> {
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    theirs.push(await buildMs('old'));
    ours.push(await buildMs('new'));
  }
  const ourMedian = median(ours);
  const theirMedian = median(theirs);
  return [
    {
      name: 'unit engine built and first conversion (1 min in h), in a fresh Node process',
      unit: 'ms',
      median: ourMedian,
      runs: ours,
      reference: { name: "mathjs create({ unitDependencies, createUnitDependencies }), the build used before, in a fresh process", median: theirMedian },
      ratio: ourMedian / theirMedian,
      note: `${RUNS} processes each way, taken in turn; mathjs itself is loaded before the clock starts in both`,
    },
  ];
}
