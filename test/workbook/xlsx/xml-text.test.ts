import { escapeXml, unescapeXml } from '../../../src/workbook/xlsx/xml-text';

describe('XML text in an .xlsx package', () => {
  it('unescapes in one pass: an escaped entity stays the text of an entity, numeric references are characters', () => {
    expect(unescapeXml('R&amp;D &#8364; &#x2713; &apos;Q1&apos; &quot;x&quot; &lt;b&gt;')).toBe(`R&D € ✓ 'Q1' "x" <b>`);
    expect(unescapeXml('&amp;lt;')).toBe('&lt;');
    expect(unescapeXml('&#99999999; &bogus;')).toBe('&#99999999; &bogus;');
  });

  it('escapes element content and attribute values, each the inverse of unescaping', () => {
    const text = `"a" & <b> 'c'`;
    expect(escapeXml(text)).toBe(`"a" &amp; &lt;b&gt; 'c'`);
    expect(escapeXml(text, true)).toBe(`&quot;a&quot; &amp; &lt;b&gt; 'c'`);
    expect(unescapeXml(escapeXml(text))).toBe(text);
    expect(unescapeXml(escapeXml(text, true))).toBe(text);
  });
});
