/**
 * Opening and saving .xlsx files for the .xlsx host, with a message a person can act on for
 * every file that is not a readable .xlsx: missing, a folder, a CSV, an Excel 97–2003 .xls, a
 * password-protected workbook (an encrypted package inside an OLE container, not a zip), a binary
 * .xlsb, or a damaged file. A copy is written next to its target and renamed over it, so a failed
 * write never leaves half a workbook, and the input is never touched unless it is the target.
 *
 * Why exceljs 4.4 and not a fork: it is the maintained line most used by far (MIT), reads and
 * writes tables, defined names, number formats, conditional formats and formulas with their
 * cached values (array formulas too), and has a streaming reader. The forks on the registry
 * (@zurmokeeper/exceljs: decrypting password-protected files; @protobi/exceljs: pivot tables)
 * add nothing this host needs and have one maintainer each. What no version keeps when it writes a
 * workbook back — charts, pivot tables, slicers, macros — is named (`partsNotKept`) so that the
 * command line never writes over a workbook that holds them.
 */
import fs from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { WorkbookError } from '../port';
import { dynamicArraysIn, type SpillAnchor } from './dynamic-arrays';
import { namedTextsIn, type NamedText } from './records';

/** What kind of trouble a file is. */
export type XlsxFileTrouble = 'missing' | 'not a file' | 'csv' | 'xls' | 'xlsb' | 'encrypted' | 'corrupt' | 'not xlsx';

/**
 * A file that could not be opened as an .xlsx workbook, with why and what to do.
 *
 * @example
 *   throw new XlsxFileError('a.xls', 'xls', 'a.xls is an Excel 97–2003 workbook (.xls): open it in Excel and save it as .xlsx.');
 */
export class XlsxFileError extends WorkbookError {
  constructor(
    readonly file: string,
    readonly trouble: XlsxFileTrouble,
    message: string,
  ) {
    super(message);
    this.name = 'XlsxFileError';
  }
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The stream an encrypted OOXML package keeps inside its OLE container (MS-OFFCRYPTO), named in UTF-16. */
const ENCRYPTED_STREAM = Buffer.from('EncryptedPackage', 'utf16le');

/** Parts of a workbook that exceljs reads past and does not write back, by the folder or file they live in. */
const PARTS_NOT_KEPT: readonly (readonly [RegExp, string])[] = [
  [/^xl\/charts\//, 'charts'],
  [/^xl\/pivotTables\//, 'pivot tables'],
  [/^xl\/slicers\//, 'slicers'],
  [/^xl\/timelines\//, 'timelines'],
  [/^xl\/vbaProject\.bin$/, 'macros'],
  [/^xl\/externalLinks\//, 'links to other workbooks'],
  [/^xl\/model\//, 'a data model'],
  [/^xl\/queryTables\//, 'query tables'],
];

/** A workbook as opened: exceljs's model of it and what its file holds that a rewrite would lose. */
export interface OpenedXlsx {
  workbook: ExcelJS.Workbook;
  /** Its dynamic-array formulas, which exceljs reads as plain array formulas: the host marks them again when it writes. */
  dynamicArrays: (SpillAnchor & { ref: string })[];
  /** Kinds of content in the file that exceljs does not write back ("charts", "macros"), once each. */
  partsNotKept: string[];
  /** Texts kept under workbook names (the block's record), which exceljs does not read: the host writes them back. */
  namedTexts: NamedText[];
}

/**
 * Opens an .xlsx file, or throws XlsxFileError saying what the file is instead.
 *
 * @example
 *   const { workbook, partsNotKept, dynamicArrays, namedTexts } = await openXlsx('pilots/claims.xlsx');
 *   const port = new XlsxWorkbook(workbook, dynamicArrays, namedTexts);
 */
export async function openXlsx(file: string): Promise<OpenedXlsx> {
  const name = path.basename(file);
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new XlsxFileError(file, 'not a file', `${file} is a folder, not an .xlsx file.`);
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (error instanceof XlsxFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new XlsxFileError(file, 'missing', `${file} does not exist.`);
    throw new XlsxFileError(file, 'missing', `${file} cannot be read (${code ?? String(error)}).`);
  }
  const extension = path.extname(file).toLowerCase();
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) {
    if (bytes.includes(ENCRYPTED_STREAM)) {
      throw new XlsxFileError(file, 'encrypted', `${name} is password-protected: save a copy without the password (File > Info > Protect Workbook > Encrypt with Password, then clear it) and evaluate that.`);
    }
    throw new XlsxFileError(file, 'xls', `${name} is an Excel 97–2003 workbook (.xls): open it in Excel and save it as an .xlsx workbook.`);
  }
  if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    if (extension === '.csv' || extension === '.txt' || looksLikeText(bytes)) {
      throw new XlsxFileError(file, 'csv', `${name} is a text (CSV) file, which has no tables: open it in Excel, make its ranges tables and save it as an .xlsx workbook.`);
    }
    const what = bytes.length === 0 ? 'is empty' : 'is not an .xlsx workbook (it is not a zip package)';
    throw new XlsxFileError(file, bytes.length === 0 ? 'corrupt' : 'not xlsx', `${name} ${what}.`);
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new XlsxFileError(file, 'corrupt', `${name} is damaged: its zip package cannot be read (${messageOf(error)}).`);
  }
  if (zip.file('xl/workbook.bin')) {
    throw new XlsxFileError(file, 'xlsb', `${name} is a binary workbook (.xlsb): open it in Excel and save it as an .xlsx workbook.`);
  }
  if (!zip.file('xl/workbook.xml')) {
    throw new XlsxFileError(file, 'not xlsx', `${name} is a zip package but not an Excel workbook (it has no xl/workbook.xml).`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new XlsxFileError(file, 'corrupt', `${name} is damaged: ${messageOf(error)}.`);
  }
  const partsNotKept: string[] = [];
  for (const entry of Object.keys(zip.files)) {
    for (const [pattern, what] of PARTS_NOT_KEPT) if (pattern.test(entry) && !partsNotKept.includes(what)) partsNotKept.push(what);
  }
  return { workbook, partsNotKept, dynamicArrays: await dynamicArraysIn(zip), namedTexts: await namedTextsIn(zip) };
}

/**
 * Writes `bytes` to `file` through a temporary file beside it and a rename, so the file is either
 * the old one or the whole new one.
 *
 * @example
 *   await writeFileWhole('out/claims.xlsx', await workbook.xlsx.writeBuffer());
 */
export async function writeFileWhole(file: string, bytes: Uint8Array): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.promises.writeFile(temporary, bytes);
    await fs.promises.rename(temporary, file);
  } catch (error) {
    await fs.promises.rm(temporary, { force: true });
    throw new WorkbookError(`${file} could not be written: ${messageOf(error)}.`);
  }
}

/** Text files have no NUL bytes in their first kilobytes; zip and OLE files always do. */
function looksLikeText(bytes: Buffer): boolean {
  return bytes.length > 0 && !bytes.subarray(0, 4096).includes(0);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
