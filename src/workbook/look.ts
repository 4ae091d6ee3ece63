/**
 * How a cell looks, as the port reports it (AreaContents.looks): only what differs from a new
 * sheet's cell (General, no fill, automatic font colour, neither bold nor italic), with colours
 * as upper-case `#RRGGBB`, so that two hosts, or a look before and after, compare as plain data.
 */
import type { CellStyle } from './port';

/** Excel's number format of a cell nobody formatted. */
export const GENERAL = 'General';

/**
 * A cell's look with its defaults left out.
 *
 * @example
 *   plainLook({ numberFormat: 'General', bold: false, fill: '#ffeb9c' }) // { fill: '#FFEB9C' }
 *   plainLook({ fontColor: '#000000' })                                 // {} (automatic reads as black)
 */
export function plainLook(look: CellStyle): CellStyle {
  const out: CellStyle = {};
  if (look.numberFormat !== undefined && look.numberFormat !== GENERAL) out.numberFormat = look.numberFormat;
  if (look.bold) out.bold = true;
  if (look.italic) out.italic = true;
  const fill = colour(look.fill);
  if (fill !== null) out.fill = fill;
  const font = colour(look.fontColor);
  // Excel reports a font colour nobody set (automatic) as black.
  if (font !== null && font !== '#000000') out.fontColor = font;
  return out;
}

/**
 * Whether a look is a new cell's look.
 *
 * @example
 *   isPlainLook({}) // true
 */
export function isPlainLook(look: CellStyle): boolean {
  return Object.keys(plainLook(look)).length === 0;
}

/**
 * Two looks alike once their defaults are left out.
 *
 * @example
 *   sameLook({ bold: true, numberFormat: 'General' }, { bold: true }) // true
 */
export function sameLook(a: CellStyle, b: CellStyle): boolean {
  const x = plainLook(a);
  const y = plainLook(b);
  return x.numberFormat === y.numberFormat && x.bold === y.bold && x.italic === y.italic && x.fill === y.fill && x.fontColor === y.fontColor;
}

function colour(value: string | null | undefined): string | null {
  if (value === undefined || value === null || value === '') return null;
  const hex = value.trim().toUpperCase();
  return hex.startsWith('#') ? hex : `#${hex}`;
}
