/**
 * How Excel reads text written into a cell that is not formatted as text: `1,200`, `$3.40` and
 * `4.2%` become numbers with a format. The hosts that keep cells themselves (in memory,
 * HyperFormula) follow it, so they show what Excel would after the same write.
 */

/** Excel's number format for text: a cell formatted so keeps what is written into it (`$3.40` stays the text `$3.40`). */
export const TEXT_FORMAT = '@';

/**
 * The number Excel makes of `text` entered into a General cell, and the format it gives the
 * cell; null when Excel keeps the text.
 *
 * @example
 *   typedNumber('$3.40')  // { value: 3.4, format: '$#,##0.00' }
 *   typedNumber('4.2%')   // { value: 0.042, format: '0.0%' }
 *   typedNumber('1,200')  // { value: 1200, format: 'General' }
 *   typedNumber('12 min') // null
 */
export function typedNumber(text: string): { value: number; format: string } | null {
  const match = /^\s*(-)?(\$)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(%)?\s*$/.exec(text);
  if (!match) return null;
  const [, minus, dollar, whole, fraction, percent] = match;
  let value = Number(whole.replace(/,/g, '') + (fraction ?? ''));
  // "-0" is 0, never -0.
  if (minus && value !== 0) value = -value;
  if (percent) return { value: value / 100, format: '0.0%' };
  if (dollar) return { value, format: '$#,##0.00' };
  return { value, format: 'General' };
}
