/**
 * The read phase shared by hosts that hold their cells in memory (the in-memory workbook of
 * the tests and the browser workbench): how an input source resolves to a range, and what the
 * port's `read` returns. Office.js resolves sources in its own batched way (office.ts).
 */
import type { Grid, TableName } from '../model/types';
import { cutAtBlankRow } from './plain-range';
import { WorkbookError, recordName, type GridRead, type InputSources, type InputsRead, type RangeAddress, type WriteOp } from './port';

/** What such a host answers about itself, synchronously. */
export interface LocalCells {
  /** An Excel table's whole range, header included; null when there is no such table. */
  tableRange(name: string): RangeAddress | null;
  hasSheet(sheet: string): boolean;
  /** The header's columns from the header row down to the sheet's last used row (at least the header row). */
  belowHeader(header: RangeAddress): Grid;
  /** Values and number formats of a range. */
  contents(range: RangeAddress): { values: Grid; numberFormats: string[][] };
  /** A workbook-level name's range, or undefined when the name is not defined. */
  namedRange(name: string): RangeAddress | undefined;
  /** The text kept under a name by a `record` write, null when there is none. */
  recordText(name: string): string | null;
  sheetNames(): string[];
}

/**
 * The port's `read` over cells held in memory: each source at its current extent (a table's
 * range, or a plain range down to its first blank row) and where the named block is.
 *
 * @example
 *   readLocal(cells, { Metrics: { kind: 'table', name: 'Metrics', sheet: 'Inputs' } }, 'PilotGate_Output')
 */
export function readLocal(cells: LocalCells, sources: InputSources, blockName: string): InputsRead {
  const grids: InputsRead['grids'] = {};
  for (const [role, source] of Object.entries(sources) as [TableName, InputSources[TableName]][]) {
    if (!source) continue;
    let range: RangeAddress;
    if (source.kind === 'table') {
      const table = cells.tableRange(source.name);
      if (!table) throw new WorkbookError(`The table "${source.name}" is not in the workbook any more: run Find tables again.`);
      range = table;
    } else {
      if (!cells.hasSheet(source.header.sheet)) {
        throw new WorkbookError(`The sheet "${source.header.sheet}" is not in the workbook any more: run Find tables again.`);
      }
      range = { ...source.header, rows: cutAtBlankRow(cells.belowHeader(source.header)) };
    }
    const { values, numberFormats } = cells.contents(range);
    grids[role] = { source, range: { ...range }, values, numberFormats } satisfies GridRead;
  }
  const block = cells.namedRange(blockName);
  return {
    grids,
    block: block && cells.hasSheet(block.sheet) ? { ...block } : null,
    blockNameDefined: block !== undefined,
    record: cells.recordText(recordName(blockName)),
    sheets: cells.sheetNames(),
  };
}

/**
 * The writes that change a workbook's names and kept texts, for hosts that keep both in maps
 * by lower-case name; false for any other write.
 *
 * @example
 *   if (!applyNaming(op, this.names, this.records)) this.applyCells(op);
 */
export function applyNaming(op: WriteOp, names: Map<string, RangeAddress>, records: Map<string, string>): boolean {
  switch (op.op) {
    case 'name':
      names.set(op.name.toLowerCase(), { ...op.range });
      return true;
    case 'removeName':
      names.delete(op.name.toLowerCase());
      return true;
    case 'record':
      if (op.text === null) records.delete(op.name.toLowerCase());
      else records.set(op.name.toLowerCase(), op.text);
      return true;
    default:
      return false;
  }
}
