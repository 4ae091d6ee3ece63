// The shared runtime page's budget (bench/bundle.bench.ts): what taskpane.html loads before the
// pane is usable, each script gzipped at level 9 as the bench measures it, over the production
// build the tests share (production-build.ts), so no build of its own.
import * as fs from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { SHARED_RUNTIME_BUDGET, pageScripts } from '../../bench/bundle.bench';
import { productionBuildBeforeAll } from './production-build';

const build = productionBuildBeforeAll();

function gzippedSize(file: string): number {
  return gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

describe('the shared runtime page', () => {
  it('loads its five scripts of the add-in, the pane last', () => {
    const scripts = pageScripts(fs.readFileSync(path.join(build().dir, 'taskpane.html'), 'utf8'));
    expect(scripts.map((src) => path.basename(src))).toEqual(['runtime.js', 'shared.js', 'functions.js', 'commands.js', 'taskpane.js']);
  });

  it(`loads at most ${SHARED_RUNTIME_BUDGET.toLocaleString('en-US')} bytes of JavaScript gzipped before the pane is usable`, () => {
    const { dir } = build();
    const scripts = pageScripts(fs.readFileSync(path.join(dir, 'taskpane.html'), 'utf8'));
    const total = scripts.reduce((sum, src) => sum + gzippedSize(path.join(dir, src)), 0);
    expect(total).toBeLessThanOrEqual(SHARED_RUNTIME_BUDGET);
  });

  it('leaves the charts, the error bar and the block\'s writing to chunks fetched once the pane is usable', () => {
    const { dir } = build();
    const scripts = pageScripts(fs.readFileSync(path.join(dir, 'taskpane.html'), 'utf8'));
    for (const chunk of ['charts.js', 'error-bar.js', 'block.js']) {
      expect(fs.existsSync(path.join(dir, chunk))).toBe(true);
      expect(scripts).not.toContain(chunk);
    }
  });
});
