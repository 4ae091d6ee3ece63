// evaluateCase on a metric case as long as Pilot Gate reads (MAX_TABLE_ROWS), pasted as text with units (thresholds included), beside
// HyperFormula evaluating the same model written as native formulas over the same numbers.
import { HyperFormula } from 'hyperformula';
import { evaluateCase, type CaseInput, type Grid } from '../src/model';
import { sampleCase } from '../src/model/sample';
import { MAX_TABLE_ROWS } from '../src/model/tables';
import type { BenchEntry } from './types';
import { median, timeRuns } from './timing';

const ROWS = MAX_TABLE_ROWS;
const RUNS = 9;

/** Four kinds of metric, as a PMO pastes them, with numbers varied per row; and the same row as plain numbers. */
function metricRow(i: number): { text: (string | number | null)[]; numbers: number[] } {
  // ~1,000 distinct figures per column, as a long pasted table has: no parse is reused row to row
  const s = 1 + (i % 997) / 1000;
  switch (i % 4) {
    case 0: // minutes per document, $/h: value factor 1/60 h per min
      return {
        text: [`Processing time ${i}`, `${(12 * s).toFixed(3)} min`, `${(2 * s).toFixed(3)} min`, `${(3 * s).toFixed(3)} min`, '90 days', null, null, `${50 * (i % 7) + 10},000 docs/year`, '$45/h'],
        numbers: [+(12 * s).toFixed(3), +(2 * s).toFixed(3), +(3 * s).toFixed(3), (50 * (i % 7) + 10) * 1000, 45 / 60],
      };
    case 1: // error rate, $ per error
      return {
        text: [`Error rate ${i}`, `${(4.2 * s).toFixed(3)}%`, `${(0.5 * s).toFixed(3)}%`, `${(0.6 * s).toFixed(3)}%`, '90 days', null, null, '50,000 transactions/year', '$120 per error'],
        numbers: [+(4.2 * s).toFixed(3) / 100, +(0.5 * s).toFixed(3) / 100, +(0.6 * s).toFixed(3) / 100, 50000, 120],
      };
    case 2: // money per transaction
      return {
        text: [`Cost per transaction ${i}`, `$${(3.4 * s).toFixed(3)}`, `$${(0.8 * s).toFixed(3)}`, `$${(0.8 * s).toFixed(3)}`, '6 months', null, null, '1,200 transactions/year', null],
        numbers: [+(3.4 * s).toFixed(3), +(0.8 * s).toFixed(3), +(0.8 * s).toFixed(3), 1200, 1],
      };
    default: // hours saved per week (a rate, no volume), $/h: 365.25/7 weeks a year
      return {
        text: [`Hours saved ${i}`, 0, Math.round(200 * s), Math.round(160 * s), '6 months', 'h/week', 'higher', null, '$45/h'],
        numbers: [0, Math.round(200 * s), Math.round(160 * s), 365.25 / 7, 45],
      };
  }
}

function buildCase(): { input: CaseInput; numbers: number[][] } {
  const base = sampleCase();
  const metrics: Grid = [base.metrics[0]];
  const numbers: number[][] = [];
  for (let i = 0; i < ROWS; i++) {
    const row = metricRow(i);
    metrics.push(row.text);
    numbers.push(row.numbers);
  }
  return { input: { ...base, metrics }, numbers };
}

/**
 * The same model in native formulas: per row the evidence-basis annual value; then ΣA, the
 * yearly rows (adoption months 7.8, 12, 12 for the default ramp), NPV, IRR, PVs, ROI and the
 * three linear thresholds. Columns: A baseline, B target, C pilot, D volume, E value, F = A.
 */
function hyperformulaSheet(numbers: number[][], oneTime: number, run: number): (string | number)[][] {
  const rows: (string | number)[][] = numbers.map((n, i) => {
    const r = i + 1;
    const g = `MAX(0,MIN(1,(A${r}-C${r})/(A${r}-B${r})))`;
    const gt = `ABS(A${r}-B${r})`;
    return [...n, `=${g}*${gt}*D${r}*E${r}`, `=${gt}*D${r}*E${r}`];
  });
  const n = numbers.length;
  rows[0].push(
    `=SUM(F1:F${n})`, // H1: ΣA
    `=SUM(G1:G${n})`, // I1: ΣA target
    `=H1/12*0.9`, // J1: monthly benefit
    -oneTime, // K1: CF0
    `=J1*7.8-${run}`, // L1
    `=J1*12-${run}`, // M1
    `=J1*12-${run}`, // N1
    `=K1+NPV(0.1,L1:N1)`, // O1: NPV
    `=IRR(K1:N1)`, // P1
    `=NPV(0.1,J1*7.8,J1*12,J1*12)`, // Q1: PV benefits
    `=${oneTime}+NPV(0.1,${run},${run},${run})`, // R1: PV costs
    `=(Q1-R1)/R1`, // S1: ROI
    `=R1/Q1`, // T1: volume threshold
    `=Q1/R1`, // U1: cost threshold
    `=R1/(Q1*I1/H1)`, // V1: realization threshold
  );
  return rows;
}

export default async function engineBench(): Promise<BenchEntry[]> {
  const { input, numbers } = buildCase();
  const probe = evaluateCase(input);
  const ours = await timeRuns(RUNS, () => {
    evaluateCase(input);
  });
  const sheet = hyperformulaSheet(numbers, probe.oneTime, probe.annualRun);
  let hfNpv = 0;
  const theirs = await timeRuns(RUNS, () => {
    const hf = HyperFormula.buildFromArray(sheet, { licenseKey: 'gpl-v3', smartRounding: false });
    hfNpv = hf.getCellValue({ sheet: 0, col: 14, row: 0 }) as number;
    hf.destroy();
  });
  const ourMedian = median(ours);
  const theirMedian = median(theirs);
  return [
    {
      name: `evaluateCase, ${ROWS.toLocaleString('en-US')} metric rows pasted as text with units, thresholds included`,
      unit: 'ms',
      median: ourMedian,
      runs: ours,
      reference: { name: 'HyperFormula, the same model as native formulas over the same numbers', median: theirMedian },
      ratio: ourMedian / theirMedian,
      budget: 100,
      note: `NPV ours ${probe.npv.toFixed(2)}, HyperFormula ${hfNpv.toFixed(2)}; ratio < 1 means Pilot Gate is faster`,
    },
  ];
}
