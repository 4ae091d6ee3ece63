import { attribute, elementPath, parseXml, XmlSyntaxError } from '../../src/manifest/xml';

function syntaxError(text: string): XmlSyntaxError {
  try {
    parseXml(text);
  } catch (error) {
    if (error instanceof XmlSyntaxError) return error;
    throw error;
  }
  throw new Error(`parsed without error: ${text}`);
}

describe('parseXml', () => {
  it('reads elements, attributes, text, entities, CDATA and positions', () => {
    const root = parseXml('<?xml version="1.0"?>\n<!-- c -->\n<a x="1 &amp; 2">\n  <b:c y=\'&#x41;\'/>t&lt;<![CDATA[<raw>]]>\n</a>\n');
    expect(root.name).toBe('a');
    expect(attribute(root, 'x')).toBe('1 & 2');
    expect(root.text).toBe('t<<raw>');
    const [child] = root.children;
    expect([child.name, child.localName, attribute(child, 'y')]).toEqual(['b:c', 'c', 'A']);
    expect([root.line, root.column, child.line, child.column]).toEqual([3, 1, 4, 3]);
    expect(child.parent).toBe(root);
  });

  it.each([
    ['<a><b></a>', 1, 7, '</a> closes <b>'],
    ['<a>\n<b x="1" x="2"/></a>', 2, 10, 'attribute "x" appears twice'],
    ['<a x=1/>', 1, 6, 'must be quoted'],
    ['<a>&nbsp;</a>', 1, 4, 'unknown entity "&nbsp;"'],
    ['<a>fish & chips</a>', 1, 4, '"&" must start an entity'],
    ['<a/><b/>', 1, 5, 'only comments may follow the root element'],
    ['<a>\n  <b>', 2, 3, '<b> is never closed'],
    ['<a><!-- x -- y --></a>', 1, 4, '"--" is not allowed inside a comment'],
  ])('rejects %j at %i:%i (%s)', (text, line, column, message) => {
    const error = syntaxError(text);
    expect([error.line, error.column]).toEqual([line, column]);
    expect(error.message).toContain(message);
  });
});

describe('elementPath', () => {
  it('labels steps by id, xsi:type or size, else by position among same-named siblings', () => {
    const root = parseXml('<r><h xsi:type="W"><i size="16"/></h><s/><s/></r>');
    expect(elementPath(root.children[0].children[0])).toBe('r/h[W]/i[16]');
    expect(elementPath(root.children[2])).toBe('r/s[2]');
  });
});
