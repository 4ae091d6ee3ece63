/**
 * How the block's figures look in a sheet: Excel number formats for money in the case currency,
 * fractions, months and multiples, and the verdict's colours (Excel's own Good, Neutral and Bad).
 */
import type { FigureKind } from '../functions/spills';

/** Excel's Good / Neutral / Bad cell styles, so the colours read as Excel's own. */
export const VERDICT_COLOURS: Record<string, { fill: string; fontColor: string }> = {
  SCALE: { fill: '#C6EFCE', fontColor: '#006100' },
  'NOT READY': { fill: '#FFEB9C', fontColor: '#9C5700' },
  PIVOT: { fill: '#FFEB9C', fontColor: '#9C5700' },
  KILL: { fill: '#FFC7CE', fontColor: '#9C0006' },
};

/**
 * Excel's number format for money in `currency`, as finance people read it and as the engine's
 * reasons write it (formatMoney in src/model/format.ts): whole units, thousands grouped,
 * negatives in parentheses, the symbol for the four currencies with one, else the code in front.
 *
 * @example
 *   moneyFormat('USD') // '$#,##0_);($#,##0)'
 *   moneyFormat('CHF') // '"CHF "#,##0_);("CHF "#,##0)'
 */
export function moneyFormat(currency: string): string {
  const symbols: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥' };
  const symbol = symbols[currency.toUpperCase()];
  const unit = symbol === '$' ? '$' : symbol ? `"${symbol}"` : `"${currency.replace(/"/g, '')} "`;
  return `${unit}#,##0_);(${unit}#,##0)`;
}

/**
 * Excel's number format for a figure of this kind: money in the case currency, fractions as
 * percentages, months, multiples with ×; null for text (left General). Each shows a figure as
 * the engine's reasons write it (formatPercent, formatMonths, formatMultiple), so one figure
 * reads the same in a reason and in a cell.
 *
 * @example
 *   figureFormat('fraction', 'USD') // '0.0%'
 *   figureFormat('months', 'USD')   // '0.0 "months"'
 *   figureFormat('money', 'EUR')    // '"€"#,##0_);("€"#,##0)'
 */
export function figureFormat(kind: FigureKind, currency: string): string | null {
  switch (kind) {
    case 'money':
      return moneyFormat(currency);
    case 'fraction':
      return '0.0%';
    case 'months':
      return '0.0 "months"';
    case 'multiple':
      return '0.00"×"';
    case 'text':
      return null;
  }
}
