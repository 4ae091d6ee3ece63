/**
 * The block's record of what it wrote: each cell it put a label or a formula in, with what it
 * put there, and each range it gave a look (number format, bold, italic, colours), as offsets
 * from its top-left. The record is kept in the workbook beside the name that marks the block (a
 * `record` write, saved with the file), so a later Evaluate knows exactly which cells are the
 * block's own: a cell a person typed over, a `=PILOT.…` formula of their own in the block's
 * place, a fill they gave a cell, all read as theirs.
 *
 * Contents and looks are kept as short fingerprints (FNV-1a, base 36), which keeps the record
 * to a few hundred characters; a formula is fingerprinted as the host writes it and read
 * without regard to spaces, case or the quotes around sheet names, which hosts add or drop.
 */
import { digest } from '../model/text-map';
import { plainLook } from '../workbook/look';
import type { CellAddress, CellStyle, FormulaSpec, WriteOp } from '../workbook/port';

/** A look the block gave a rectangle of its cells, as offsets from its top-left. */
export interface RecordedLook {
  row: number;
  column: number;
  rows: number;
  columns: number;
  look: string;
}

export interface BlockRecord {
  /** Fingerprints of what the block wrote, by `row,column` offset. */
  contents: Map<string, string>;
  /** The looks it gave, in the order given (a later one wins where they overlap). */
  looks: RecordedLook[];
}

/** The record's format, first in its text: a record of another format is no record. */
const VERSION = 'PG1';

/**
 * A cell's content as a fingerprint: a formula read without spaces, case or sheet-name quotes
 * (outside its text constants), any other value as its text.
 *
 * @example
 *   contentKey("=pilot.verdict( 'Costs'!A1 )") === contentKey('=PILOT.VERDICT(Costs!A1)') // true
 *   contentKey('Verdict') === contentKey('verdict')                                       // false
 */
export function contentKey(content: unknown): string {
  if (typeof content === 'string' && content.startsWith('=')) return fingerprint(`f${normaliseFormula(content)}`);
  return fingerprint(`${typeof content}:${String(content)}`);
}

/**
 * A look as a fingerprint, its defaults left out (a General cell looks like one never formatted).
 *
 * @example
 *   lookKey({ bold: true, numberFormat: 'General' }) === lookKey({ bold: true }) // true
 */
export function lookKey(look: CellStyle): string {
  const l = plainLook(look);
  return fingerprint(`${l.numberFormat ?? ''}|${l.bold ? 'b' : ''}|${l.italic ? 'i' : ''}|${l.fill ?? ''}|${l.fontColor ?? ''}`);
}

/**
 * The record of a block written by `ops` with its top-left at `at`: every cell a `cells`
 * operation puts something in (a formula as `formulaText` says the host writes it), and every
 * `style` operation's look, each relative to `at`. Operations on other sheets are not the block's.
 *
 * @example
 *   const record = recordOf(ops, at, (spec) => port.formulaText(spec, at.sheet));
 *   record.contents.get('1,0') === contentKey('Verdict') // true
 */
export function recordOf(ops: readonly WriteOp[], at: CellAddress, formulaText: (spec: FormulaSpec) => string): BlockRecord {
  const contents = new Map<string, string>();
  // Each cell's look as the operations leave it: a later style adds to an earlier one (bold over a number format).
  const styles = new Map<string, { row: number; column: number; style: CellStyle }>();
  const give = (row: number, column: number, style: CellStyle): void => {
    const key = `${row},${column}`;
    const given = Object.fromEntries(Object.entries(style).filter(([, v]) => v !== undefined)) as CellStyle;
    styles.set(key, { row, column, style: { ...(styles.get(key)?.style ?? {}), ...given } });
  };
  const here = (sheet: string): boolean => sheet.toLowerCase() === at.sheet.toLowerCase();
  for (const op of ops) {
    if (op.op === 'cells' && here(op.at.sheet)) {
      op.cells.forEach((line, r) =>
        line.forEach((cell, c) => {
          const row = op.at.row - at.row + r;
          const column = op.at.column - at.column + c;
          const format = op.numberFormats?.[r]?.[c];
          if (format !== undefined) give(row, column, { numberFormat: format });
          if (cell === null || cell === '') return;
          contents.set(`${row},${column}`, contentKey(typeof cell === 'object' ? formulaText(cell.formula) : cell));
        }),
      );
    }
    if (op.op === 'style' && here(op.range.sheet)) {
      for (let r = 0; r < op.range.rows; r++) for (let c = 0; c < op.range.columns; c++) give(op.range.row - at.row + r, op.range.column - at.column + c, op.style);
    }
  }
  return { contents, looks: rectangles([...styles.values()].map((s) => ({ row: s.row, column: s.column, look: lookKey(s.style) }))) };
}

/** Cells' looks as few rectangles: runs along a row, then runs of rows alike stacked. */
function rectangles(cells: { row: number; column: number; look: string }[]): RecordedLook[] {
  cells.sort((a, b) => a.row - b.row || a.column - b.column);
  const runs: RecordedLook[] = [];
  for (const c of cells) {
    const last = runs[runs.length - 1];
    if (last && last.row === c.row && last.column + last.columns === c.column && last.look === c.look) last.columns++;
    else runs.push({ row: c.row, column: c.column, rows: 1, columns: 1, look: c.look });
  }
  const out: RecordedLook[] = [];
  const open = new Map<string, RecordedLook>();
  for (const run of runs) {
    const key = `${run.column},${run.columns},${run.look}`;
    const above = open.get(key);
    if (above && above.row + above.rows === run.row) above.rows++;
    else {
      const copy = { ...run };
      out.push(copy);
      open.set(key, copy);
    }
  }
  return out;
}

/**
 * The look the record says the cell at an offset has: the last recorded look over it, or a new cell's.
 *
 * @example
 *   recordedLook(record, 1, 1) === lookKey({ bold: true }) // the verdict is bold
 */
export function recordedLook(record: BlockRecord, row: number, column: number): string {
  for (let i = record.looks.length - 1; i >= 0; i--) {
    const l = record.looks[i];
    if (row >= l.row && row < l.row + l.rows && column >= l.column && column < l.column + l.columns) return l.look;
  }
  return PLAIN_LOOK;
}

/** The fingerprint of a cell nobody formatted. */
export const PLAIN_LOOK = lookKey({});

/**
 * The record as the text kept in the workbook: `PG1|row,column,content;…|row,column,rows,columns,look;…`.
 *
 * @example
 *   recordText(recordOf(ops, at, text)) // 'PG1|0,0,1x2f9a;…|1,1,1,1,3k7q0c;…'
 */
export function recordText(record: BlockRecord): string {
  const contents = [...record.contents].map(([offset, key]) => `${offset},${key}`).join(';');
  const looks = record.looks.map((l) => `${l.row},${l.column},${l.rows},${l.columns},${l.look}`).join(';');
  return `${VERSION}|${contents}|${looks}`;
}

/**
 * The record read back from its text; null when the text is not a record this version wrote
 * (then nothing in the block's area is taken for the block's own without asking).
 *
 * @example
 *   parseRecord(recordText(record)) // a record equal to `record`
 *   parseRecord('something else')   // null
 */
export function parseRecord(text: string | null): BlockRecord | null {
  if (text === null) return null;
  const parts = text.split('|');
  if (parts.length !== 3 || parts[0] !== VERSION) return null;
  const contents = new Map<string, string>();
  const looks: RecordedLook[] = [];
  for (const entry of parts[1] === '' ? [] : parts[1].split(';')) {
    const m = /^(\d+),(\d+),([0-9a-z]+)$/.exec(entry);
    if (!m) return null;
    contents.set(`${m[1]},${m[2]}`, m[3]);
  }
  for (const entry of parts[2] === '' ? [] : parts[2].split(';')) {
    const m = /^(\d+),(\d+),(\d+),(\d+),([0-9a-z]+)$/.exec(entry);
    if (!m) return null;
    looks.push({ row: Number(m[1]), column: Number(m[2]), rows: Number(m[3]), columns: Number(m[4]), look: m[5] });
  }
  return { contents, looks };
}

function fingerprint(text: string): string {
  return digest(text).toString(36);
}

/** Spaces dropped, letters upper-cased and single quotes dropped outside "text constants". */
function normaliseFormula(formula: string): string {
  let out = '';
  let inText = false;
  for (const ch of formula) {
    if (ch === '"') inText = !inText;
    if (inText || ch === '"') out += ch;
    else if (ch !== ' ' && ch !== "'" && ch !== '\n' && ch !== '\r' && ch !== '\t') out += ch.toUpperCase();
  }
  return out;
}
