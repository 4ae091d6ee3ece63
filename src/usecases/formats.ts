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
 * Excel's number format for money in `currency`: the symbol for the four with one, else the code.
 *
 * @example
 *   moneyFormat('USD') // '$#,##0.00;-$#,##0.00'
 *   moneyFormat('CHF') // '#,##0.00 "CHF";-#,##0.00 "CHF"'
 */
export function moneyFormat(currency: string): string {
  const symbols: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥' };
  const symbol = symbols[currency.toUpperCase()];
  if (symbol) return `"${symbol}"#,##0.00;-"${symbol}"#,##0.00`.replace(/"\$"/g, '$');
  const code = currency.replace(/"/g, '');
  return `#,##0.00 "${code}";-#,##0.00 "${code}"`;
}

/**
 * Excel's number format for a figure of this kind: money in the case currency, fractions as
 * percentages, months, multiples with ×; null for text (left General).
 *
 * @example
 *   figureFormat('fraction', 'USD') // '0.0%'
 *   figureFormat('months', 'USD')   // '0.0 "months"'
 *   figureFormat('money', 'EUR')    // '"€"#,##0.00;-"€"#,##0.00'
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
