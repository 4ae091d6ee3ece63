/**
 * Reading the figures the user guide writes, to compare them with the engine's: "1,475,525.91",
 * "−190,000.00", "277.51%", "3.175×", "13.072 months", "P = 120,000". A figure holds to half a
 * unit of its last decimal written, so the guide may round as people do and no further.
 */
import { plainText } from '../../src/help/markdown';

/** A number as written in prose or a table, with what follows it. */
export interface WrittenFigure {
  value: number;
  /** Half a unit of the last decimal written (of the percentage, for a percentage, then as a fraction). */
  tolerance: number;
  /** The text after the number, trimmed: "months", "USD/h", "" … (a % or × is taken into the value). */
  rest: string;
}

const NUMBER = /[−-]?\d+(?:,\d{3})*(?:\.\d+)?/;

/**
 * The first number of a text, with its tolerance and what follows it; null when there is none.
 *
 * @example
 *   writtenFigure('277.51%')       // { value: 2.7751, tolerance: 0.0000005…, rest: '' }
 *   writtenFigure('P = 120,000')   // { value: 120000, tolerance: 0.5, rest: '' }
 *   writtenFigure('10,435.71 h/year') // { value: 10435.71, tolerance: 0.005, rest: 'h/year' }
 */
export function writtenFigure(text: string): WrittenFigure | null {
  const plain = plainText(text);
  const match = NUMBER.exec(plain);
  if (!match) return null;
  const digits = match[0].replace(/,/g, '').replace('−', '-');
  const decimals = (digits.split('.')[1] ?? '').length;
  let value = Number(digits);
  let tolerance = 0.5 * 10 ** -decimals + 1e-12;
  let rest = plain.slice(match.index + match[0].length).trim();
  if (rest.startsWith('%')) {
    value /= 100;
    tolerance /= 100;
    rest = rest.slice(1).trim();
  } else if (rest.startsWith('×')) {
    rest = rest.slice(1).trim();
  }
  return { value, tolerance, rest };
}

/** What a guide cell must say: a text exactly, a figure (and the unit after it), or nothing checked. */
export type Expected = string | { figure: number; unit?: string } | undefined;

/**
 * A figure the engine gives, for a table's expected cells.
 *
 * @example
 *   figure(13.072027, 'months') // { figure: 13.072027, unit: 'months' }
 */
export function figure(value: number, unit?: string): Expected {
  return { figure: value, unit };
}

/**
 * What is wrong with a guide cell against what the engine says; null when it agrees.
 *
 * @example
 *   cellProblem('3.175×', figure(3.175)) // null
 *   cellProblem('0.973', figure(0.9)) // 'reads 0.973, the engine gives 0.9'
 */
export function cellProblem(cell: string, expected: Expected): string | null {
  if (expected === undefined) return null;
  if (typeof expected === 'string') return plainText(cell) === expected ? null : `reads "${plainText(cell)}", expected "${expected}"`;
  const written = writtenFigure(cell);
  if (written === null) return `reads "${plainText(cell)}", expected the figure ${expected.figure}`;
  if (Math.abs(written.value - expected.figure) > written.tolerance) return `reads ${plainText(cell)}, the engine gives ${expected.figure}`;
  if (expected.unit !== undefined && written.rest !== expected.unit) return `reads "${plainText(cell)}", expected the unit "${expected.unit}"`;
  return null;
}

/**
 * The figures in a text: numbers with a decimal point, a thousands separator, a % or a ×, and
 * whole numbers of two digits or more (a single digit is a count, such as "Year 0" or "3 years").
 *
 * @example
 *   figuresIn('13 + 4,777.90 / 66,334.76 months, 3 years') // ['13', '4,777.90', '66,334.76']
 */
export function figuresIn(text: string): string[] {
  const found = plainText(text.replace(/`[^`]*`/g, ' ')).matchAll(/(?<![\w.,])[−-]?\d+(?:,\d{3})*(?:\.\d+)?(?:%|×)?/g);
  return [...found].map((m) => m[0].replace(/^[−-]/, '')).filter((f) => /[.,%×]/.test(f) || f.length >= 2);
}
