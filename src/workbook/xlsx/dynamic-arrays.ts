/**
 * Spilled formulas as Excel 365 stores them. exceljs writes a spilling formula as an array formula
 * over the cells it covers (`<f t="array" ref="B9:F13">`), which Excel opens as a legacy
 * Ctrl+Shift+Enter array of fixed size. Excel marks a dynamic array with cell metadata: a
 * `cm="1"` on the formula's cell pointing into xl/metadata.xml, whose one entry says
 * "dynamic array" (XLDAPR, MS-XLSX 2.6.x). With it, the formula spills again after a
 * recalculation, to whatever size its result then has. Excel 2016 reads such a file as before: the
 * metadata is an extension it ignores.
 */
import JSZip from 'jszip';
import { unescapeXml } from './xml-text';

const METADATA_PART = 'xl/metadata.xml';
const METADATA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml';
const METADATA_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata';

/** The metadata Excel writes for workbooks with dynamic arrays: one cell-metadata record, "fDynamic". */
const METADATA_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">' +
  '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>' +
  '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>' +
  '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata>' +
  '</metadata>';

/** A spilling formula's cell: its sheet's name and its A1 address. */
export interface SpillAnchor {
  sheet: string;
  cell: string;
}

/**
 * The package with each anchor's array formula marked as a dynamic array. A package without
 * anchors is returned as it is.
 *
 * @example
 *   const bytes = await markDynamicArrays(await workbook.xlsx.writeBuffer(), [{ sheet: 'Pilot Gate', cell: 'B9' }]);
 */
export async function markDynamicArrays(bytes: Uint8Array, anchors: readonly SpillAnchor[]): Promise<Uint8Array> {
  if (anchors.length === 0) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  await markDynamicArraysIn(zip, anchors);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * markDynamicArrays on a package already open, for a writer that edits other parts in the same
 * pass (XlsxWorkbook.toBytes); with no anchors, the package is left as it is.
 *
 * @example
 *   await markDynamicArraysIn(zip, [{ sheet: 'Pilot Gate', cell: 'B9' }]);
 */
export async function markDynamicArraysIn(zip: JSZip, anchors: readonly SpillAnchor[]): Promise<void> {
  if (anchors.length === 0) return;
  const parts = await sheetPartsByName(zip);
  for (const [sheet, cells] of groupBySheet(anchors)) {
    const part = parts.get(sheet.toLowerCase())?.part;
    const file = part ? zip.file(part) : null;
    if (!part || !file) throw new Error(`The written workbook has no part for the sheet "${sheet}".`);
    let xml = await file.async('string');
    for (const cell of cells) {
      xml = xml.replace(new RegExp(`<c r="${cell}"(?![^>]*\\bcm=)`), `<c r="${cell}" cm="1"`);
    }
    zip.file(part, xml);
  }
  zip.file(METADATA_PART, METADATA_XML);
  await addToPackage(zip);
}

/**
 * The dynamic arrays a package holds: each spilling formula's sheet, cell and the range it spilled
 * to when saved. exceljs reads them as array formulas and forgets the mark, so a host that writes the
 * workbook again marks them anew (a person's `=SORT(…)` must still spill after the block is added).
 *
 * @example
 *   await dynamicArraysIn(zip) // [{ sheet: 'Data', cell: 'D2', ref: 'D2:D40' }]
 */
export async function dynamicArraysIn(zip: JSZip): Promise<(SpillAnchor & { ref: string })[]> {
  const found: (SpillAnchor & { ref: string })[] = [];
  if (!zip.file(METADATA_PART)) return found;
  for (const [sheet, part] of await sheetParts(zip)) {
    const xml = (await zip.file(part)?.async('string')) ?? '';
    for (const m of xml.matchAll(/<c r="([A-Z]+[0-9]+)"[^>]*\bcm="[0-9]+"[^>]*>\s*<f\b[^>]*\bt="array"[^>]*\bref="([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)"/g)) {
      found.push({ sheet: sheet.name, cell: m[1], ref: m[2] });
    }
  }
  return found;
}

/** Sheet name (lower case) → its name as written and its part, from the workbook's sheets and their relationships. */
async function sheetPartsByName(zip: JSZip): Promise<Map<string, { name: string; part: string }>> {
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const parts = new Map<string, { name: string; part: string }>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const target = id ? targets.get(id) : undefined;
    if (name && target) parts.set(unescapeXml(name).toLowerCase(), { name: unescapeXml(name), part: target });
  }
  return parts;
}

/** Each sheet with its part. */
async function sheetParts(zip: JSZip): Promise<[{ name: string }, string][]> {
  return [...(await sheetPartsByName(zip)).values()].map((s) => [{ name: s.name }, s.part]);
}

/** The metadata part's content type and its relationship from the workbook, once. */
async function addToPackage(zip: JSZip): Promise<void> {
  const typesFile = '[Content_Types].xml';
  const types = (await zip.file(typesFile)?.async('string')) ?? '';
  if (!types.includes(`PartName="/${METADATA_PART}"`)) {
    zip.file(typesFile, types.replace('</Types>', `<Override PartName="/${METADATA_PART}" ContentType="${METADATA_TYPE}"/></Types>`));
  }
  const relsFile = 'xl/_rels/workbook.xml.rels';
  const rels = (await zip.file(relsFile)?.async('string')) ?? '';
  if (!rels.includes(METADATA_RELATIONSHIP)) {
    const ids = [...rels.matchAll(/\bId="rId(\d+)"/g)].map((m) => Number(m[1]));
    const id = `rId${Math.max(0, ...ids) + 1}`;
    zip.file(relsFile, rels.replace('</Relationships>', `<Relationship Id="${id}" Type="${METADATA_RELATIONSHIP}" Target="metadata.xml"/></Relationships>`));
  }
}

function groupBySheet(anchors: readonly SpillAnchor[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const a of anchors) groups.set(a.sheet, [...(groups.get(a.sheet) ?? []), a.cell]);
  return groups;
}
