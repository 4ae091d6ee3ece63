/**
 * Text in and out of the XML parts of an .xlsx package, for the few parts the host reads or
 * edits itself (sheet names, defined names): exceljs does not keep what they hold.
 */

/**
 * Text as XML element content; `attribute`: as an attribute's value, its quotes escaped too
 * (Excel leaves the quotes of a formula in element content as they are).
 *
 * @example
 *   escapeXml('"a" & <b>')       // '"a" &amp; &lt;b&gt;'
 *   escapeXml('"a" & <b>', true) // '&quot;a&quot; &amp; &lt;b&gt;'
 */
export function escapeXml(text: string, attribute = false): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return attribute ? escaped.replace(/"/g, '&quot;') : escaped;
}

/**
 * XML text as the text it stands for, in one pass: the five named entities and numeric
 * character references; a reference beyond Unicode stays as written.
 *
 * @example
 *   unescapeXml('R&amp;D &#8364;')  // 'R&D €'
 *   unescapeXml('&amp;lt;')         // '&lt;'
 */
export function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9A-Fa-f]+));/g, (whole, entity: string, decimal?: string, hex?: string) => {
    const code = decimal !== undefined ? Number(decimal) : hex !== undefined ? parseInt(hex, 16) : null;
    if (code !== null) return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    return { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[entity] ?? whole;
  });
}
