import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { namedTextsIn, withNamedTexts } from '../../../src/workbook/xlsx/records';

async function written(names: (wb: ExcelJS.Workbook) => void = () => undefined): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sheet1').getCell('A1').value = 1;
  names(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('texts kept under workbook names in an .xlsx package', () => {
  it('round-trips any text, quotes, ampersands, angle brackets, accents and 600 characters included, beside the range names there', async () => {
    const text = `a "quoted" & <tagged> café ${'x'.repeat(600)} ✓`;
    const bytes = await withNamedTexts(
      await written((wb) => wb.definedNames.add("'Sheet1'!$A$1", 'Input')),
      [{ name: 'PilotGate_Output_Cells', text }],
    );
    const zip = await JSZip.loadAsync(bytes);
    expect(await namedTextsIn(zip)).toEqual([{ name: 'PilotGate_Output_Cells', text, hidden: true }]);
    const xml = await zip.file('xl/workbook.xml')!.async('string');
    expect(xml).toContain('<definedName name="Input">');
    // ExcelJS reads the package still, with its range name.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(wb.definedNames.getRanges('Input').ranges).toEqual(['Sheet1!$A$1']);
  });

  it("writes a person's visible name of text back visible, as it was read", async () => {
    const zip = await JSZip.loadAsync(await withNamedTexts(await written(), [{ name: 'Note', text: 'mine', hidden: false }]));
    expect(await zip.file('xl/workbook.xml')!.async('string')).toContain('<definedName name="Note">"mine"</definedName>');
    expect(await namedTextsIn(zip)).toEqual([{ name: 'Note', text: 'mine', hidden: false }]);
  });

  it('adds the list of names after the sheets when the package has none, and leaves a package with nothing to keep as it is', async () => {
    const plain = await written();
    expect(await withNamedTexts(plain, [])).toBe(plain);
    const zip = await JSZip.loadAsync(await withNamedTexts(plain, [{ name: 'Kept', text: 'yes' }]));
    expect(await zip.file('xl/workbook.xml')!.async('string')).toMatch(/<\/sheets><definedNames><definedName name="Kept" hidden="1">"yes"<\/definedName><\/definedNames>/);
  });

  it('reads only workbook-wide names whose formula is text: not ranges, not formulas, not a sheet’s own names; odd entities stay as written', async () => {
    const zip = new JSZip();
    zip.file(
      'xl/workbook.xml',
      '<workbook><sheets/><definedNames>' +
        '<definedName name="Range">Sheet1!$A$1</definedName>' +
        '<definedName name="Sum">SUM(1,2)</definedName>' +
        '<definedName name="Local" localSheetId="0">"local"</definedName>' +
        '<definedName name="Text">"a&amp;b"&amp;"&#99999999;"</definedName>' +
        '<definedName name="Hidden" hidden="1">"kept"</definedName>' +
        '</definedNames></workbook>',
    );
    expect(await namedTextsIn(zip)).toEqual([
      { name: 'Text', text: 'a&b&#99999999;', hidden: false },
      { name: 'Hidden', text: 'kept', hidden: true },
    ]);
    expect(await namedTextsIn(new JSZip())).toEqual([]);
  });
});
