import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { entryProblem, runBenches } from '../../bench/run';

const FIXTURES = path.join(__dirname, 'fixtures');

describe('runBenches', () => {
  let dir: string;
  let resultsFile: string;
  let log: jest.SpyInstance;
  let errorLog: jest.SpyInstance;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pilot-gate-bench-'));
    resultsFile = path.join(dir, 'results.json');
    log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    errorLog = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    log.mockRestore();
    errorLog.mockRestore();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes machine, date and every entry, and records a failing bench file with its error', async () => {
    const before = Date.now();
    const results = await runBenches({ dir: FIXTURES, resultsFile, filters: [] });
    const written = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    expect(written).toEqual(results);
    expect(new Date(written.date).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(written.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(written.machine.cores).toBe(os.cpus().length);
    expect(written.machine.node).toBe(process.version);
    expect(typeof written.machine.cpu).toBe('string');
    expect(written.machine.memoryGiB).toBeGreaterThan(0);
    expect(written.machine.os).toContain(os.platform());
    expect(written.entries.map((e: { file: string; name: string }) => `${e.file}: ${e.name}`)).toEqual([
      'good.bench.ts: fixed timing',
      'good.bench.ts: fixed size',
    ]);
    expect(written.entries[1]).toMatchObject({ median: 100, runs: [100], reference: { name: 'other', median: 50 }, ratio: 2 });
    expect(written.failures.map((f: { file: string }) => f.file)).toEqual(['broken.bench.ts', 'malformed.bench.ts']);
    expect(written.failures[0].error).toContain('the workload could not start');
    expect(written.failures[1].error).toBe('entry 1 ("no figure"): median is not a finite number');
    expect(Object.keys(written.seconds).sort()).toEqual(['broken.bench.ts', 'good.bench.ts', 'malformed.bench.ts']);
  });

  it('runs only the files named, keeping the other files\' results already written', async () => {
    await runBenches({ dir: FIXTURES, resultsFile, filters: [] });
    const results = await runBenches({ dir: FIXTURES, resultsFile, filters: ['good'] });
    expect(results.entries.map((e) => e.file)).toEqual(['good.bench.ts', 'good.bench.ts']);
    expect(results.failures.map((f) => f.file)).toEqual(['broken.bench.ts', 'malformed.bench.ts']);
  });

  it('refuses a filter that matches no bench file', async () => {
    await expect(runBenches({ dir: FIXTURES, resultsFile, filters: ['nothing-like-this'] })).rejects.toThrow('No bench file');
  });
});

describe('entryProblem', () => {
  it.each([
    [{ not: 'a list' }, 'did not resolve to an array'],
    [[{ unit: 'ms', median: 1, runs: [1] }], 'entry 1: name must be a non-empty string'],
    [[{ name: 'x', median: 1, runs: [1] }], 'entry 1 ("x"): unit must be a non-empty string'],
    [[{ name: 'x', unit: 'ms', median: 1, runs: [] }], 'entry 1 ("x"): runs must be a non-empty list of finite numbers'],
    [[{ name: 'x', unit: 'ms', median: Infinity, runs: [1] }], 'entry 1 ("x"): median is not a finite number'],
  ])('rejects %j', (value, message) => {
    expect(entryProblem(value)).toContain(message);
  });

  it('accepts well-formed entries', () => {
    expect(entryProblem([{ name: 'x', unit: 'ms', median: 1, runs: [1, 1] }])).toBeNull();
  });
});
