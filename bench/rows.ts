import { sampleCase, type CaseInput, type Cell } from '../src/model';

/**
 * A metric row as a PMO pastes it, one of four kinds (minutes per document at $/h, an error rate
 * at $ per error, money per transaction, hours saved per week), figures varied per row so that no
 * parse is reused from one row to the next.
 *
 * @example
 *   pastedMetricRow(0) // ['Processing time 0', '12.000 min', '2.000 min', '3.000 min', '90 days', null, null, '10,000 docs/year', '$45/h']
 */
export function pastedMetricRow(i: number): Cell[] {
  const s = 1 + (i % 997) / 1000;
  switch (i % 4) {
    case 0:
      return [`Processing time ${i}`, `${(12 * s).toFixed(3)} min`, `${(2 * s).toFixed(3)} min`, `${(3 * s).toFixed(3)} min`, '90 days', null, null, `${50 * (i % 7) + 10},000 docs/year`, '$45/h'];
    case 1:
      return [`Error rate ${i}`, `${(4.2 * s).toFixed(3)}%`, `${(0.5 * s).toFixed(3)}%`, `${(0.6 * s).toFixed(3)}%`, '90 days', null, null, '50,000 transactions/year', '$120 per error'];
    case 2:
      return [`Cost per transaction ${i}`, `$${(3.4 * s).toFixed(3)}`, `$${(0.8 * s).toFixed(3)}`, `$${(0.8 * s).toFixed(3)}`, '6 months', null, null, '1,200 transactions/year', null];
    default:
      return [`Hours saved ${i}`, 0, Math.round(200 * s), Math.round(160 * s), '6 months', 'h/week', 'higher', null, '$45/h'];
  }
}

/**
 * A case whose five tables each have `rows` rows and no two cells alike, as a hostile paste would
 * be: no memo of a cell, a unit or a name answers twice. Each row is one the engine reads through
 * (a metric worth money, a cost line, a custom gate with an owner, a function with its people, an
 * assumption it does not use), so every reader does its whole work.
 *
 * @example
 *   distinctCase(2).metrics[1] // ['Metric 0 a', '12.0000 min', '2.0000 min', '3.0000 min', '90.0000 days', null, null, '50,000 docs0/year', '$45.0000/h']
 */
export function distinctCase(rows: number): CaseInput {
  const tag = (i: number): string => `${i}`;
  const x = (base: number, i: number): string => (base + i * 1e-4).toFixed(4);
  const sample = sampleCase();
  return {
    metrics: [sample.metrics[0], ...Array.from({ length: rows }, (_, i): Cell[] => [`Metric ${tag(i)} a`, `${x(12, i)} min`, `${x(2, i)} min`, `${x(3, i)} min`, `${x(90, i)} days`, null, null, `50,000 docs${tag(i)}/year`, `$${x(45, i)}/h`])],
    costs: [sample.costs[0], ...Array.from({ length: rows }, (_, i): Cell[] => [`Line ${tag(i)}`, `$${x(1000, i)}`, `$${x(2000, i)}`, `$${x(100, i)}/month`, null])],
    readiness: [sample.readiness![0], ...Array.from({ length: rows }, (_, i): Cell[] => [`Check ${tag(i)}`, `${x(50, i / 100)}%`, `Person ${tag(i)}`, `Evidence ${tag(i)}`])],
    ownership: [['Function', 'Responsible', 'Accountable'], ...Array.from({ length: rows }, (_, i): Cell[] => [`Function ${tag(i)}`, `Person ${tag(i)} R`, `Person ${tag(i)} A`])],
    assumptions: [['Name', 'Value'], ...Array.from({ length: rows }, (_, i): Cell[] => [`Thing ${tag(i)}`, x(1, i)])],
  };
}
