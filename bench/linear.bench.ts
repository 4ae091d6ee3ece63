// Linear cost (SPEC §4: every function returns within a second on any input Excel can hold): the
// parse of one cell at 8,192 and 32,767 characters, and checkCase at a quarter of the row limit and at it, each
// as time per character or per row. Each entry's reference is the smaller size in the same run, so
// its ratio is near 1 when the cost grows linearly and near 4 when it grows with the square.
import { checkCase, parseValue, sampleCase, type Cell, type Grid } from '../src/model';
import { MAX_TABLE_ROWS } from '../src/model/tables';
import { pastedMetricRow } from './rows';
import type { BenchEntry } from './types';
import { linearEntry, paired } from './timing';

/** The most characters an Excel cell holds, and a quarter of it. */
const CELL_SIZES = [8_192, 32_767] as const;
/** A quarter of the most rows Pilot Gate reads in a table, and the most. */
const ROW_SIZES = [MAX_TABLE_ROWS / 4, MAX_TABLE_ROWS] as const;
const CELL_RUNS = 15;
/** Characters parsed per run at either size (128 cells of 8,192, 32 of 32,767), so both sizes allocate alike and the collector's share is the same. */
const CHARACTERS_PER_RUN = 2 ** 20;
const ROW_RUNS = 9;

/**
 * Cells of `length` characters: each ends in a different tag, so that no memo of a unit or tail
 * already parsed answers for it.
 */
type CellShape = { name: string; cell: (length: number, tag: string) => string };

const SHAPES: readonly CellShape[] = [
  { name: 'a number and one long word', cell: (n, tag) => `12 w${'a'.repeat(n - 4 - tag.length)}${tag}` },
  { name: 'a number and a unit of many words', cell: (n, tag) => `12 ${'docs h '.repeat(n)}`.slice(0, n - tag.length - 1) + `x${tag}` },
  { name: 'text that is no value: a, spaces, b', cell: (n, tag) => `a${' '.repeat(n - 2 - tag.length)}b${tag}` },
  { name: 'a number in a run of digit groups', cell: (n, tag) => `1${',000'.repeat(n)}`.slice(0, n - tag.length - 4) + ` min${tag}` },
];

/** Letters from a run number, so a tag never reads as a number or a unit: 0 → 'a', 27 → 'bb'. */
function tagOf(run: number): string {
  return run.toString(26).replace(/[0-9a-p]/g, (d) => String.fromCharCode(97 + parseInt(d, 26)));
}

function parseOnce(text: string): void {
  try {
    parseValue(text);
  } catch {
    // Text that is no value is timed to its error: that is the path a person's paste takes.
  }
}

function parseEntries(): BenchEntry[] {
  return SHAPES.map((shape) => {
    const [small, large] = CELL_SIZES.map((size) => {
      const cells = Math.ceil(CHARACTERS_PER_RUN / size);
      const batches = Array.from({ length: CELL_RUNS + 1 }, (_, run) => Array.from({ length: cells }, (_, i) => shape.cell(size, tagOf(run * cells + i))));
      return { characters: cells * size, parse: (run: number) => batches[run].forEach(parseOnce) };
    });
    const times = paired(CELL_RUNS, small.parse, large.parse);
    const perCharacter: [number[], number[]] = [times[0].map((ms) => (ms * 1e6) / small.characters), times[1].map((ms) => (ms * 1e6) / large.characters)];
    return linearEntry(`parseValue of a ${CELL_SIZES[1].toLocaleString('en-US')}-character cell, ${shape.name}`, 'ns per character', perCharacter, CELL_SIZES, 'characters');
  });
}

function checkEntries(): BenchEntry[] {
  const sample = sampleCase();
  const valid = (rows: number): Grid => [sample.metrics[0], ...Array.from({ length: rows }, (_, i) => pastedMetricRow(i))];
  // Every row has a problem (a placeholder where the baseline goes): the path where problems pile up.
  const spoiled = (rows: number): Grid => valid(rows).map((row, r): Cell[] => (r === 0 ? row : [row[0], 'n/a', ...row.slice(2)]));
  const perRow = (grid: (rows: number) => Grid, runs: number): [number[], number[]] => {
    const [small, large] = ROW_SIZES.map((rows) => ({ ...sample, metrics: grid(rows) }));
    const times = paired(runs, () => checkCase(small), () => checkCase(large));
    return [times[0].map((ms) => (ms * 1e3) / ROW_SIZES[0]), times[1].map((ms) => (ms * 1e3) / ROW_SIZES[1])];
  };
  const rows = ROW_SIZES[1].toLocaleString('en-US');
  return [
    linearEntry(`checkCase on ${rows} metric rows pasted as text with units (the case evaluated, as checkCase now does)`, 'µs per row', perRow(valid, ROW_RUNS), ROW_SIZES, 'rows'),
    linearEntry(`checkCase on ${rows} metric rows, each with a problem`, 'µs per row', perRow(spoiled, 3), ROW_SIZES, 'rows'),
  ];
}

export default async function linearBench(): Promise<BenchEntry[]> {
  return [...parseEntries(), ...checkEntries()];
}
