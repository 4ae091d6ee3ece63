/**
 * Texts kept under workbook names in an .xlsx file, as the block's record is kept (see the
 * `record` write): a hidden name whose formula is string constants joined with &. exceljs reads
 * back only the names that are ranges, so these are read from xl/workbook.xml here, and written
 * into it once exceljs has written the rest, with the same formula Excel's host gives them.
 */
import JSZip from 'jszip';
import { nameText, textFormula } from '../name-text';
import { escapeXml, unescapeXml } from './xml-text';

const WORKBOOK_PART = 'xl/workbook.xml';

/** A defined name in workbook.xml: its attributes, then its formula. */
const DEFINED_NAME = /<definedName\b([^>]*)>([^<]*)<\/definedName>/g;

/** A text kept under a workbook name; hidden unless `hidden` says otherwise (a person's own name of text, read from the file, keeps how it was). */
export interface NamedText {
  name: string;
  text: string;
  hidden?: boolean;
}

/**
 * The workbook-scoped names of a package whose formula is text, with their text and whether they
 * are hidden; names of a sheet, and names of ranges or other formulas, are not among them. Kept
 * and written back, they are not lost with the rest of what exceljs drops: the block's record,
 * and any such name of a person's own.
 *
 * @example
 *   await namedTextsIn(zip) // [{ name: 'PilotGate_Output_Cells', text: 'PG1|0,0,noszez;…', hidden: true }]
 */
export async function namedTextsIn(zip: JSZip): Promise<NamedText[]> {
  const xml = await zip.file(WORKBOOK_PART)?.async('string');
  if (!xml) return [];
  const found: NamedText[] = [];
  for (const entry of xml.matchAll(DEFINED_NAME)) {
    const name = workbookWideName(entry[1]);
    const text = name === null ? null : nameText(`=${unescapeXml(entry[2])}`);
    if (name !== null && text !== null) found.push({ name, text, hidden: /\bhidden="(?:1|true)"/.test(entry[1]) });
  }
  return found;
}

/**
 * The package with each text kept under its hidden workbook name, beside the names already there
 * (exceljs's, which are ranges). A package without texts to keep is returned as it is.
 *
 * @example
 *   const bytes = await withNamedTexts(await workbook.xlsx.writeBuffer(), [{ name: 'PilotGate_Output_Cells', text: '…' }]);
 */
export async function withNamedTexts(bytes: Uint8Array, texts: readonly NamedText[]): Promise<Uint8Array> {
  if (texts.length === 0) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  await keepNamedTextsIn(zip, texts);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * withNamedTexts on a package already open, for a writer that edits other parts in the same pass
 * (XlsxWorkbook.toBytes); with no texts, the package is left as it is.
 *
 * @example
 *   await keepNamedTextsIn(zip, [{ name: 'PilotGate_Output_Cells', text: '…' }]);
 */
export async function keepNamedTextsIn(zip: JSZip, texts: readonly NamedText[]): Promise<void> {
  if (texts.length === 0) return;
  const part = zip.file(WORKBOOK_PART);
  if (!part) throw new Error(`The written workbook has no ${WORKBOOK_PART}.`);
  // A name of the same text already written (an exceljs that reads such names) gives way, so each is there once.
  const kept = new Set(texts.map((t) => t.name.toLowerCase()));
  let xml = (await part.async('string')).replace(DEFINED_NAME, (whole, attributes: string) => {
    const name = workbookWideName(attributes);
    return name !== null && kept.has(name.toLowerCase()) ? '' : whole;
  });
  const names = texts
    .map((t) => `<definedName name="${escapeXml(t.name, true)}"${t.hidden === false ? '' : ' hidden="1"'}>${escapeXml(textFormula(t.text).slice(1))}</definedName>`)
    .join('');
  if (/<definedNames\s*\/>/.test(xml)) xml = xml.replace(/<definedNames\s*\/>/, () => `<definedNames>${names}</definedNames>`);
  else if (xml.includes('</definedNames>')) xml = xml.replace('</definedNames>', () => `${names}</definedNames>`);
  // The schema puts definedNames right after sheets.
  else if (xml.includes('</sheets>')) xml = xml.replace('</sheets>', () => `</sheets><definedNames>${names}</definedNames>`);
  else throw new Error(`The written workbook's ${WORKBOOK_PART} has no list of sheets to put its names after.`);
  zip.file(WORKBOOK_PART, xml);
}

/** The name a definedName's attributes give, unescaped; null for a sheet's own name (localSheetId) or none. */
function workbookWideName(attributes: string): string | null {
  const name = attributes.match(/\bname="([^"]*)"/)?.[1];
  return name === undefined || /\blocalSheetId=/.test(attributes) ? null : unescapeXml(name);
}
