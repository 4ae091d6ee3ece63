import fs from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { simulationTable, tornadoTable } from '../../../src/functions/spills';
import { simulateCase, tornadoCase } from '../../../src/model';
import { createUseCases } from '../../../src/usecases';
import { CASHFLOW_ROWS, LAYOUT } from '../../../src/usecases/block';
import { cellA1 } from '../../../src/workbook/a1';
import { fromFileForm, handedOver, toFileForm } from '../../../src/workbook/xlsx/cells';
import { XlsxFileError, openXlsx } from '../../../src/workbook/xlsx/file';
import { namedTextsIn, withNamedTexts } from '../../../src/workbook/xlsx/records';
import type { InputSources } from '../../../src/workbook/port';
import { XlsxWorkbook } from '../../../src/workbook/xlsx/workbook';
import { rangedSampleCase } from '../../support/ranges';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pilot-gate-xlsx-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function written(build: (wb: ExcelJS.Workbook) => void, name = 'book.xlsx'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function troubleOf(file: string): Promise<XlsxFileError> {
  const error = await openXlsx(file).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof XlsxFileError)) throw new Error(`expected an XlsxFileError, got ${String(error)}`);
  return error;
}

describe('cells as Excel hands them over', () => {
  it('reads rich text and hyperlinks as their text, formulas as their cached value, dates as serial numbers, errors as their text', () => {
    expect(handedOver({ richText: [{ text: '12 ' }, { text: 'min' }] }, false)).toBe('12 min');
    expect(handedOver({ text: 'evidence', hyperlink: 'https://example.com' }, false)).toBe('evidence');
    expect(handedOver({ formula: 'B2*2', result: 24 }, false)).toBe(24);
    expect(handedOver({ formula: 'B2*2' }, false)).toBeNull();
    expect(handedOver({ error: '#N/A' }, false)).toBe('#N/A');
    // 1 Jan 2025 is day 45,658 of Excel's 1900 system and 44,196 of the 1904 system (1,462 days apart).
    expect(handedOver(new Date(Date.UTC(2025, 0, 1)), false)).toBe(45658);
    expect(handedOver(new Date(Date.UTC(2025, 0, 1)), true)).toBe(45658 - 1462);
    expect(Object.is(handedOver(-0, false), 0)).toBe(true);
  });

  it("stores the add-in's calls as Excel does (_xldudf_PILOT_NAME) and reads them back as typed, leaving quoted text alone", () => {
    expect(toFileForm('PILOT.THRESHOLD(Metrics[#All],Costs[#All],"cost")')).toBe('_xldudf_PILOT_THRESHOLD(Metrics[#All],Costs[#All],"cost")');
    expect(toFileForm('1+PILOT.npv(A1:B2,C1:D2)&"PILOT.NPV("')).toBe('1+_xldudf_PILOT_NPV(A1:B2,C1:D2)&"PILOT.NPV("');
    expect(fromFileForm('_xldudf_PILOT_VERDICT(A1:B2,C1:D2,)')).toBe('PILOT.VERDICT(A1:B2,C1:D2,)');
  });
});

describe('the .xlsx host', () => {
  it('finds tables and plain ranges and reads their cells as Excel hands them over, formats included', async () => {
    const file = await written((wb) => {
      const ws = wb.addWorksheet('Inputs');
      ws.addTable({
        name: 'tblCosts',
        ref: 'A1',
        columns: [{ name: 'Category' }, { name: 'Pilot' }, { name: 'Annual' }],
        rows: [
          ['Infrastructure', 15000, 30000],
          ['Monitoring', 5000, { formula: 'B3*2', result: 10000 }],
        ],
      });
      ws.getCell('F3').value = 'Metric';
      ws.getCell('G3').value = 'Baseline';
      ws.getCell('H3').value = 'Target';
      ws.getCell('F4').value = { richText: [{ text: 'Error ' }, { text: 'rate' }] };
      ws.getCell('G4').value = 0.042;
      ws.getCell('G4').numFmt = '0.0%';
      ws.getCell('H4').value = 0.005;
    });
    const port = new XlsxWorkbook((await openXlsx(file)).workbook);
    const found = await createUseCases({ port, now: () => new Date() }).findTables();
    expect(found.sources.Costs).toEqual({ kind: 'table', name: 'tblCosts', sheet: 'Inputs' });
    expect(found.sources.Metrics).toEqual({ kind: 'range', header: { sheet: 'Inputs', row: 2, column: 5, rows: 1, columns: 3 } });
    const read = await port.read(found.sources, 'PilotGate_Output');
    expect(read.grids.Costs?.values).toEqual([
      ['Category', 'Pilot', 'Annual'],
      ['Infrastructure', 15000, 30000],
      ['Monitoring', 5000, 10000],
    ]);
    expect(read.grids.Metrics?.values).toEqual([
      ['Metric', 'Baseline', 'Target'],
      ['Error rate', 0.042, 0.005],
    ]);
    expect(read.grids.Metrics?.numberFormats[1][1]).toBe('0.0%');
  });

  it("reads a theme or indexed colour as the colour it shows, from the file's own theme, so a cell filled that way counts as formatted", async () => {
    const file = await written((wb) => {
      const ws = wb.addWorksheet('Looks');
      // What Excel's colour pickers give: "White, Background 1, Darker 15%" on an empty cell, "Accent 1" text.
      // exceljs writes tint and indexed, which its typings leave out.
      const colour = (c: object): ExcelJS.Color => c as unknown as ExcelJS.Color;
      ws.getCell('A1').fill = { type: 'pattern', pattern: 'solid', fgColor: colour({ theme: 0, tint: -0.1499984740745262 }) };
      ws.getCell('A2').value = 'owner';
      ws.getCell('A2').font = { color: { theme: 4 } };
      ws.getCell('A3').fill = { type: 'pattern', pattern: 'solid', fgColor: colour({ indexed: 10 }) };
      ws.getCell('A4').value = 'black text';
      ws.getCell('A4').font = { color: colour({ theme: 1, tint: 0.499984740745262 }) };
      ws.getCell('A5').value = 'automatic';
      ws.getCell('A5').font = { color: colour({ indexed: 64 }) };
    });
    const port = new XlsxWorkbook((await openXlsx(file)).workbook);
    const area = await port.inspect({ sheet: 'Looks', row: 0, column: 0, rows: 5, columns: 1 }, []);
    expect(area.looks.map((row) => row[0])).toEqual([
      { fill: '#D9D9D9' },
      // exceljs writes the Office 2007 theme, whose Accent 1 is 4F81BD (Office's own since 2013 is 4472C4): the file's theme is read.
      { fontColor: '#4F81BD' },
      { fill: '#FF0000' },
      { fontColor: '#7F7F7F' },
      {},
    ]);
    // The empty cell with only a theme fill is a cell someone formatted: the sheet's used range covers it.
    expect(area.sheetUsed).toEqual({ sheet: 'Looks', row: 0, column: 0, rows: 5, columns: 1 });
  });

  it('writes the output block of SPEC §7 as PILOT formulas with their values cached, spills marked as dynamic arrays, and reads it back as its own', async () => {
    const port = new XlsxWorkbook(new ExcelJS.Workbook());
    const useCases = createUseCases({ port, now: () => new Date() });
    const { sources } = await useCases.insertTemplate();
    const evaluation = await useCases.evaluate(sources);
    expect(evaluation.kind).toBe('written');
    const file = path.join(dir, 'out.xlsx');
    await port.save(file);

    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    expect(zip.file('xl/metadata.xml')).not.toBeNull();
    const sheets = await Promise.all(Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    const block = sheets.find((xml) => xml.includes('_xldudf_PILOT_VERDICT'))!;
    const [row, column] = LAYOUT.cashflows;
    const anchor = cellA1(row, column);
    const flows = `${anchor}:${cellA1(row + CASHFLOW_ROWS - 1, column + 4)}`;
    expect(block).toMatch(new RegExp(`<c r="${anchor}" cm="1"[^>]*><f t="array" ref="${flows}">_xldudf_PILOT_CASHFLOWS\\(`));
    // A call that spills nothing is a dynamic array over its own cell, so Excel hands it whole tables.
    expect(block).toMatch(/<c r="B2" cm="1"[^>]*><f t="array" ref="B2">_xldudf_PILOT_VERDICT\(IF\(ISBLANK\(Metrics\[#All\]\)/);

    const again = new XlsxWorkbook((await openXlsx(file)).workbook);
    const ws = again.workbook.getWorksheet('Pilot Gate')!;
    // SPEC §7: NOT READY; Net row −190,000.00, 450,561.14, 796,017.14, 796,017.14.
    expect(ws.getCell('B2').value).toMatchObject({ result: 'NOT READY' });
    const net = (year: number) => ws.getCell(row + 4, column + 2 + year).value;
    expect(ws.getCell(row + 4, column + 1).value).toBe('Net');
    expect(net(0)).toBe(-190000);
    expect(net(1)).toBeCloseTo(450561.14, 2);
    expect(net(3)).toBeCloseTo(796017.14, 2);
    // Evaluating the copy again recognises the block as its own and rewrites it in place.
    const rerun = await createUseCases({ port: again, now: () => new Date() }).evaluate(sources);
    expect(rerun.kind).toBe('written');
  });
});

describe("the block's record in an .xlsx file", () => {
  /** The sample evaluated with all five tables and saved, as the command line saves it. */
  async function saved(): Promise<{ file: string; sources: InputSources }> {
    const port = new XlsxWorkbook(new ExcelJS.Workbook());
    const useCases = createUseCases({ port, now: () => new Date() });
    const { sources } = await useCases.insertTemplate();
    expect((await useCases.evaluate(sources)).kind).toBe('written');
    const file = path.join(dir, 'out.xlsx');
    await port.save(file);
    return { file, sources };
  }

  it('is kept in the file as a hidden name, as Excel keeps it, and read back when the file is opened again', async () => {
    const { file } = await saved();
    const workbookXml = await (await JSZip.loadAsync(fs.readFileSync(file))).file('xl/workbook.xml')!.async('string');
    // Text constants of at most 255 characters joined with &, as Excel's host writes the record.
    expect(workbookXml).toMatch(/<definedName name="PilotGate_Output_Cells" hidden="1">"PG1\|[^<]*"&amp;"[^<]*"<\/definedName>/);
    const opened = await openXlsx(file);
    expect(opened.namedTexts.map((t) => t.name)).toEqual(['PilotGate_Output_Cells']);
    const port = new XlsxWorkbook(opened.workbook, opened.dynamicArrays, opened.namedTexts);
    const read = await port.read({}, 'PilotGate_Output');
    expect(read.record).toBe(opened.namedTexts[0].text);
    expect(read.record).toMatch(/^PG1\|/);
    // Saved again, the record is there once, as it was, even when the workbook already names it.
    await port.save(file);
    expect((await openXlsx(file)).namedTexts).toEqual(opened.namedTexts);
    const twice = await withNamedTexts(fs.readFileSync(file), opened.namedTexts);
    expect((await namedTextsIn(await JSZip.loadAsync(twice))).map((t) => t.name)).toEqual(['PilotGate_Output_Cells']);
  });

  it('lets the next Evaluate of the saved file, on fewer tables, rewrite the block in place; without the record it had to ask about every formula', async () => {
    const { file, sources } = await saved();
    // Only the required tables: every PILOT formula of the block now reads differently.
    const required: InputSources = { Metrics: sources.Metrics, Costs: sources.Costs };
    const opened = await openXlsx(file);
    const kept = await createUseCases({ port: new XlsxWorkbook(opened.workbook, opened.dynamicArrays, opened.namedTexts), now: () => new Date() }).evaluate(required);
    expect(kept.kind).toBe('written');
    const forgotten = await openXlsx(file);
    const asked = await createUseCases({ port: new XlsxWorkbook(forgotten.workbook, forgotten.dynamicArrays), now: () => new Date() }).evaluate(required);
    expect(asked.kind).toBe('conflict');
  });
});

describe('the simulation functions in an .xlsx file', () => {
  it('stores PILOT.SIMULATE and PILOT.TORNADO as Excel does, spilling as dynamic arrays over their cached tables', async () => {
    const input = rangedSampleCase();
    const simulation = simulationTable(simulateCase(input, { trials: 2000, seed: 5 }));
    const tornado = tornadoTable(tornadoCase(input));
    const port = new XlsxWorkbook(new ExcelJS.Workbook());
    // Metrics at Inputs!A1, Costs at Inputs!A11, no Assumptions ("" as the add-in writes an absent table).
    const tables = [
      { ref: { sheet: 'Inputs', row: 0, column: 0, rows: input.metrics.length, columns: input.metrics[0].length } },
      { ref: { sheet: 'Inputs', row: 10, column: 0, rows: input.costs.length, columns: input.costs[0].length } },
      { text: '' },
    ];
    await port.write([
      { op: 'addSheet', sheet: 'Inputs' },
      { op: 'addSheet', sheet: 'How sure' },
      {
        op: 'cells',
        at: { sheet: 'How sure', row: 0, column: 0 },
        cells: [[{ formula: { fn: 'PILOT.SIMULATE', args: [...tables, { number: 2000 }, { number: 5 }] }, value: simulation }]],
      },
      { op: 'cells', at: { sheet: 'How sure', row: 0, column: 3 }, cells: [[{ formula: { fn: 'PILOT.TORNADO', args: tables }, value: tornado }]] },
    ]);
    const file = path.join(dir, 'how-sure.xlsx');
    await port.save(file);

    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const sheets = await Promise.all(Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    const howSure = sheets.find((xml) => xml.includes('_xldudf_PILOT_SIMULATE'))!;
    // Seven rows of Figure | Value; the sample's twelve ranged inputs and a header over Input | NPV at low | NPV at high | Swing.
    expect(howSure).toMatch(/<c r="A1" cm="1"[^>]*><f t="array" ref="A1:B7">_xldudf_PILOT_SIMULATE\(Inputs!\$A\$1:\$J\$5,Inputs!\$A\$11:\$F\$19,&quot;&quot;,2000,5\)<\/f>/);
    expect(howSure).toMatch(/<c r="D1" cm="1"[^>]*><f t="array" ref="D1:G13">_xldudf_PILOT_TORNADO\(/);

    const ws = (await openXlsx(file)).workbook.getWorksheet('How sure')!;
    // The anchor caches the spill's first cell; the rest of the spill is cached cell by cell.
    expect(['A1', 'A2', 'B2', 'B7'].map((a) => ws.getCell(a).value)).toEqual([expect.objectContaining({ result: 'Figure' }), 'NPV P10', simulation[1][1], simulation[6][1]]);
    expect(['D1', 'D2', 'G2'].map((a) => ws.getCell(a).value)).toEqual([expect.objectContaining({ result: 'Input' }), 'Employee hours saved/week', tornado[1][3]]);
  });
});

describe('watching an .xlsx workbook', () => {
  it('hears each write, the only way the file changes, until stopped', async () => {
    const port = new XlsxWorkbook(new ExcelJS.Workbook());
    const heard: string[] = [];
    const { watching, stop } = port.watch((change) => heard.push(change.kind));
    await port.write([{ op: 'addSheet', sheet: 'S' }]);
    stop();
    await port.write([{ op: 'cells', at: { sheet: 'S', row: 0, column: 0 }, cells: [['x']] }]);
    expect([watching, heard]).toEqual([true, ['edited']]);
  });
});

describe('files that are not readable .xlsx workbooks', () => {
  it('says a missing file does not exist, and a folder is a folder', async () => {
    expect((await troubleOf(path.join(dir, 'nope.xlsx'))).message).toBe(`${path.join(dir, 'nope.xlsx')} does not exist.`);
    expect((await troubleOf(dir)).trouble).toBe('not a file');
  });

  it('tells a CSV, an Excel 97–2003 .xls, a password-protected workbook, an .xlsb, an empty and a damaged file apart', async () => {
    const write = (name: string, bytes: Buffer | string): string => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, bytes);
      return file;
    };
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const csv = await troubleOf(write('pilot.csv', 'Metric,Baseline,Target\nError rate,4.2%,0.5%\n'));
    expect([csv.trouble, csv.message]).toEqual(['csv', expect.stringContaining('pilot.csv is a text (CSV) file')]);
    const xls = await troubleOf(write('old.xls', Buffer.concat([ole, Buffer.alloc(512), Buffer.from('Workbook', 'utf16le')])));
    expect([xls.trouble, xls.message]).toEqual(['xls', expect.stringContaining('Excel 97–2003 workbook (.xls)')]);
    // An encrypted .xlsx is an OLE container holding EncryptionInfo and EncryptedPackage streams (MS-OFFCRYPTO 2.3.4).
    const locked = await troubleOf(write('locked.xlsx', Buffer.concat([ole, Buffer.alloc(512), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.from('EncryptedPackage', 'utf16le')])));
    expect([locked.trouble, locked.message]).toEqual(['encrypted', expect.stringContaining('locked.xlsx is password-protected')]);
    const binary = new JSZip();
    binary.file('xl/workbook.bin', 'binary');
    expect((await troubleOf(write('book.xlsb', await binary.generateAsync({ type: 'nodebuffer' })))).trouble).toBe('xlsb');
    expect((await troubleOf(write('empty.xlsx', ''))).message).toBe('empty.xlsx is empty.');
    const good = fs.readFileSync(await written((wb) => wb.addWorksheet('S').getCell('A1').value = 1));
    const damaged = await troubleOf(write('damaged.xlsx', good.subarray(0, Math.floor(good.length / 2))));
    expect([damaged.trouble, damaged.message]).toEqual(['corrupt', expect.stringContaining('damaged.xlsx is damaged')]);
  });

  it('names what a rewrite would lose: charts and macros', async () => {
    const good = fs.readFileSync(await written((wb) => wb.addWorksheet('S').getCell('A1').value = 1));
    const zip = await JSZip.loadAsync(good);
    zip.file('xl/charts/chart1.xml', '<c:chartSpace/>');
    zip.file('xl/vbaProject.bin', 'macros');
    const file = path.join(dir, 'charted.xlsx');
    fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    expect((await openXlsx(file)).partsNotKept).toEqual(['charts', 'macros']);
  });
});
