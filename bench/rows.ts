import type { Cell } from '../src/model';

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
