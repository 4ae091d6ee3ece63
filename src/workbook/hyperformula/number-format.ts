/**
 * Excel number formats, rendered the way Excel shows a cell, for the formats Pilot Gate writes:
 * `General`, `@`, `0%`, `0.0%`, `0`, `$#,##0.00;-$#,##0.00`, `#,##0.00 "CHF"`, `0.00"×"`,
 * `0 "months"`. Sections (`positive;negative;zero;text`), quoted and escaped literals, `%`,
 * thousands separators and fixed decimals are understood; dates and conditions are not (a
 * number in such a format shows as General).
 */

/** Significant digits Excel's General format shows in a default-width column. */
const GENERAL_DIGITS = 10;
/** Beyond these magnitudes General switches to scientific notation, as Excel does. */
const GENERAL_MAX = 1e11;
const GENERAL_MIN = 1e-9;

interface Section {
  prefix: string;
  suffix: string;
  percent: boolean;
  grouping: boolean;
  minIntegerDigits: number;
  decimals: number;
  /** The section shows no number at all (only literals), like `"none"`. */
  literalOnly: boolean;
}

/**
 * A number as Excel's General format shows it: up to ten significant digits, scientific for
 * very large or very small magnitudes, never `-0`.
 *
 * @example
 *   formatGeneral(1475525.9123) // '1475525.912'
 *   formatGeneral(0.1 + 0.2)    // '0.3'
 */
export function formatGeneral(value: number): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= GENERAL_MAX || magnitude < GENERAL_MIN) {
    const [mantissa, exponent] = value.toExponential(5).split('e');
    const power = Number(exponent);
    return `${mantissa.replace(/\.?0+$/, '')}E${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
  }
  const text = String(Number(value.toPrecision(GENERAL_DIGITS)));
  return text === '-0' ? '0' : text;
}

/** Splits a format at `;` outside quotes. */
function sections(format: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted && i + 1 < format.length) {
      current += ch + format[++i];
      continue;
    }
    if (ch === ';' && !quoted) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts;
}

/** Reads one section: the literals around the number and how the number is laid out. */
function parseSection(text: string): Section {
  let prefix = '';
  let suffix = '';
  let pattern = '';
  let percent = false;
  // Literals before the number go in front, literals after it behind; digits after that are literal too.
  let phase: 'prefix' | 'number' | 'suffix' = 'prefix';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    let literal: string;
    if (ch === '"') {
      const end = text.indexOf('"', i + 1);
      literal = text.slice(i + 1, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end;
    } else if (ch === '\\' && i + 1 < text.length) {
      literal = text[++i];
    } else if (ch === '[') {
      // Colours and conditions ([Red], [>=100]) change no text here.
      const end = text.indexOf(']', i);
      i = end < 0 ? text.length : end;
      continue;
    } else if (ch === '_' && i + 1 < text.length) {
      // `_)` leaves room the width of `)`: a space does for a grid.
      i++;
      literal = ' ';
    } else if (ch === '*') {
      i++;
      continue;
    } else if ('0#?,.'.includes(ch) && phase !== 'suffix') {
      pattern += ch;
      phase = 'number';
      continue;
    } else {
      if (ch === '%') percent = true;
      literal = ch;
    }
    if (phase === 'prefix') prefix += literal;
    else {
      suffix += literal;
      phase = 'suffix';
    }
  }
  const [integer, fraction = ''] = pattern.split('.');
  return {
    prefix,
    suffix,
    percent,
    grouping: integer.includes(','),
    minIntegerDigits: (integer.match(/0/g) ?? []).length,
    decimals: (fraction.match(/[0#?]/g) ?? []).length,
    literalOnly: pattern === '',
  };
}

/**
 * Digits as Excel shows them: from the value's 15 significant digits, rounded half away from
 * zero (3.175 shows as 3.18, though its binary value is a hair below 3.175).
 */
function fixed(magnitude: number, decimals: number): string {
  const shown = String(Number(magnitude.toPrecision(15)));
  if (shown.includes('e')) return magnitude.toFixed(decimals);
  const shifted = Math.round(Number(`${shown}e${decimals}`));
  return Number(`${shifted}e-${decimals}`).toFixed(decimals);
}

function layOut(magnitude: number, s: Section): string {
  if (s.literalOnly) return '';
  const scaled = s.percent ? magnitude * 100 : magnitude;
  const [whole, fraction] = fixed(scaled, s.decimals).split('.');
  let integer = whole === '0' && s.minIntegerDigits === 0 && fraction !== undefined ? '' : whole;
  integer = integer.padStart(s.minIntegerDigits, '0');
  if (s.grouping) integer = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? integer : `${integer}.${fraction}`;
}

/**
 * A number shown in an Excel number format.
 *
 * @example
 *   formatNumber(0.2881, '0.0%')                  // '28.8%'
 *   formatNumber(-190000, '$#,##0.00;-$#,##0.00') // '-$190,000.00'
 *   formatNumber(3.2189, '0.00"×"')               // '3.22×'
 *   formatNumber(1234.5, '#,##0.00 "CHF"')        // '1,234.50 CHF'
 */
export function formatNumber(value: number, format: string): string {
  if (format === '' || /^general$/i.test(format) || format === '@') return formatGeneral(value);
  if (/[dmyhs]/i.test(format.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, ''))) return formatGeneral(value);
  const parts = sections(format);
  const negative = value < 0;
  let section: Section;
  let sign = '';
  if (value === 0 && parts.length >= 3) section = parseSection(parts[2]);
  else if (negative && parts.length >= 2) section = parseSection(parts[1]);
  else {
    section = parseSection(parts[0]);
    if (negative) sign = '-';
  }
  const body = layOut(Math.abs(value), section);
  // A negative number that rounds to zero shows without its sign, as in Excel.
  const shownSign = sign && /[1-9]/.test(body) ? sign : '';
  return `${shownSign}${section.prefix}${body}${section.suffix}`;
}

/**
 * A cell's value as a grid shows it: numbers in their format, booleans as TRUE / FALSE, text and
 * error codes as they are, blank as ''.
 *
 * @example
 *   displayText(0.042, '0.0%') // '4.2%'
 *   displayText(true, 'General') // 'TRUE'
 *   displayText(null, '0%') // ''
 */
export function displayText(value: string | number | boolean | null, format: string): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return formatNumber(value, format);
  const textSection = sections(format)[3];
  if (textSection !== undefined && textSection.includes('@')) return textSection.replace(/"/g, '').replace('@', value);
  return value;
}
