/**
 * A small, strict XML parser for the add-in manifest: elements, attributes, text, comments,
 * CDATA, processing instructions and the five predefined entities plus character references.
 * Each element and attribute keeps its line and column, so checks can say where a problem is.
 * No DTDs (a manifest has none) and no namespace resolution: names keep their prefix.
 */

export interface XmlAttribute {
  /** Qualified name as written, such as `xsi:type`. */
  name: string;
  value: string;
  line: number;
  column: number;
}

export interface XmlElement {
  /** Qualified name as written, such as `bt:Image`. */
  name: string;
  /** The name without its prefix, such as `Image`. */
  localName: string;
  attributes: XmlAttribute[];
  children: XmlElement[];
  /** The element's own character data (not its children's), entities decoded, trimmed. */
  text: string;
  line: number;
  column: number;
  parent: XmlElement | null;
}

/** Malformed XML, with the 1-based line and column where reading stopped. */
export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${line}:${column}: ${message}`);
    this.name = 'XmlSyntaxError';
  }
}

const NAME_START = /[A-Za-z_:\u00C0-\uFFFF]/;
const NAME_CHAR = /[A-Za-z0-9_:.\-\u00B7\u00C0-\uFFFF]/;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

class Reader {
  private pos = 0;
  private line = 1;
  private column = 1;

  constructor(private readonly text: string) {}

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  peek(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }

  get char(): string {
    return this.text[this.pos];
  }

  where(): { line: number; column: number } {
    return { line: this.line, column: this.column };
  }

  fail(message: string, at = this.where()): never {
    throw new XmlSyntaxError(message, at.line, at.column);
  }

  advance(count = 1): string {
    const taken = this.text.slice(this.pos, this.pos + count);
    for (const ch of taken) {
      if (ch === '\n') {
        this.line++;
        this.column = 1;
      } else {
        this.column++;
      }
    }
    this.pos += taken.length;
    return taken;
  }

  expect(s: string, what: string): void {
    if (!this.peek(s)) this.fail(`expected ${what}`);
    this.advance(s.length);
  }

  /** Everything up to (not including) `end`, which is then consumed. */
  until(end: string, what: string): string {
    const at = this.where();
    const index = this.text.indexOf(end, this.pos);
    if (index < 0) this.fail(`${what} is never closed (no "${end}")`, at);
    const body = this.advance(index - this.pos);
    this.advance(end.length);
    return body;
  }

  skipSpace(): boolean {
    const start = this.pos;
    while (!this.done && /\s/.test(this.char)) this.advance();
    return this.pos > start;
  }

  name(what: string): string {
    if (this.done || !NAME_START.test(this.char)) this.fail(`expected ${what}`);
    let name = '';
    while (!this.done && NAME_CHAR.test(this.char)) name += this.advance();
    return name;
  }
}

function decode(raw: string, reader: Reader, at: { line: number; column: number }): string {
  if (raw.includes('<')) reader.fail('"<" is not allowed here; write &lt;', at);
  return raw.replace(/&([^;\s&]*);?/g, (whole, body: string) => {
    if (!whole.endsWith(';')) reader.fail(`"&" must start an entity such as &amp; (found "${whole}")`, at);
    if (body in PREDEFINED) return PREDEFINED[body];
    const code = /^#x([0-9a-fA-F]+)$/.exec(body) ?? /^#([0-9]+)$/.exec(body);
    if (code) return String.fromCodePoint(parseInt(code[1], body.startsWith('#x') ? 16 : 10));
    return reader.fail(`unknown entity "&${body};"`, at);
  });
}

function readAttributes(reader: Reader): XmlAttribute[] {
  const attributes: XmlAttribute[] = [];
  for (;;) {
    const spaced = reader.skipSpace();
    if (reader.done) reader.fail('the start tag is never closed');
    if (reader.peek('/>') || reader.peek('>')) return attributes;
    if (!spaced) reader.fail('expected white space before the next attribute');
    const at = reader.where();
    const name = reader.name('an attribute name');
    if (attributes.some((a) => a.name === name)) reader.fail(`attribute "${name}" appears twice`, at);
    reader.skipSpace();
    reader.expect('=', `"=" after attribute "${name}"`);
    reader.skipSpace();
    const quote = reader.char;
    if (quote !== '"' && quote !== "'") reader.fail(`the value of attribute "${name}" must be quoted`);
    reader.advance();
    const valueAt = reader.where();
    const raw = reader.until(quote, `the value of attribute "${name}"`);
    attributes.push({ name, value: decode(raw, reader, valueAt), line: at.line, column: at.column });
  }
}

/** Comments, processing instructions and white space, which may stand anywhere between elements. */
function skipMisc(reader: Reader): void {
  for (;;) {
    reader.skipSpace();
    if (reader.peek('<!--')) {
      const at = reader.where();
      reader.advance(4);
      const body = reader.until('-->', 'a comment');
      if (body.includes('--')) reader.fail('"--" is not allowed inside a comment', at);
    } else if (reader.peek('<?')) {
      reader.advance(2);
      reader.until('?>', 'a processing instruction');
    } else {
      return;
    }
  }
}

/**
 * Parses a whole document and returns its root element; throws XmlSyntaxError with the line
 * and column of the first thing that is not well-formed XML.
 *
 * @example
 *   const root = parseXml('<a x="1"><b/>text</a>');
 *   root.children[0].name; // "b"
 *   root.text;             // "text"
 */
export function parseXml(text: string): XmlElement {
  const reader = new Reader(text.replace(/^\uFEFF/, ''));
  if (reader.peek('<?xml')) {
    reader.advance(5);
    reader.until('?>', 'the XML declaration');
  }
  skipMisc(reader);
  if (reader.peek('<!DOCTYPE')) reader.fail('a DOCTYPE is not expected in an add-in manifest');
  if (!reader.peek('<')) reader.fail('expected the root element');

  const root = readElement(reader, null);
  skipMisc(reader);
  if (!reader.done) reader.fail('only comments may follow the root element');
  return root;
}

function readElement(reader: Reader, parent: XmlElement | null): XmlElement {
  const at = reader.where();
  reader.expect('<', '"<"');
  const name = reader.name('an element name');
  const element: XmlElement = {
    name,
    localName: name.includes(':') ? name.slice(name.indexOf(':') + 1) : name,
    attributes: readAttributes(reader),
    children: [],
    text: '',
    line: at.line,
    column: at.column,
    parent,
  };
  if (reader.peek('/>')) {
    reader.advance(2);
    return element;
  }
  reader.advance(1); // ">"
  let text = '';
  for (;;) {
    if (reader.done) reader.fail(`<${name}> is never closed`, at);
    if (reader.peek('</')) {
      const closeAt = reader.where();
      reader.advance(2);
      const closing = reader.name('an element name after "</"');
      if (closing !== name) reader.fail(`</${closing}> closes <${name}> opened at line ${at.line}`, closeAt);
      reader.skipSpace();
      reader.expect('>', `">" to end </${closing}>`);
      element.text = text.trim();
      return element;
    }
    if (reader.peek('<!--') || reader.peek('<?')) {
      skipMisc(reader);
    } else if (reader.peek('<![CDATA[')) {
      reader.advance(9);
      text += reader.until(']]>', 'a CDATA section');
    } else if (reader.peek('<')) {
      element.children.push(readElement(reader, element));
    } else {
      const textAt = reader.where();
      let raw = '';
      while (!reader.done && reader.char !== '<') raw += reader.advance();
      text += decode(raw, reader, textAt);
    }
  }
}

/**
 * The value of an attribute, or undefined.
 *
 * @example
 *   attribute(parseXml('<a id="x"/>'), 'id'); // "x"
 */
export function attribute(element: XmlElement, name: string): string | undefined {
  return element.attributes.find((a) => a.name === name)?.value;
}

/**
 * Where an element sits, for messages: `OfficeApp/VersionOverrides/Hosts/Host[Workbook]`.
 * A step names the element's id, xsi:type or size when it has one, else its position among
 * siblings of the same name when there are several.
 *
 * @example
 *   const root = parseXml('<a><b id="x"/><c/><c/></a>');
 *   elementPath(root.children[0]); // "a/b[x]"
 *   elementPath(root.children[2]); // "a/c[2]"
 */
export function elementPath(element: XmlElement): string {
  const steps: string[] = [];
  for (let node: XmlElement | null = element; node; node = node.parent) {
    const current = node;
    const label = attribute(current, 'id') ?? attribute(current, 'xsi:type') ?? attribute(current, 'size');
    let step = current.name;
    if (label !== undefined) {
      step += `[${label}]`;
    } else if (current.parent) {
      const same = current.parent.children.filter((c) => c.name === current.name);
      if (same.length > 1) step += `[${same.indexOf(current) + 1}]`;
    }
    steps.unshift(step);
  }
  return steps.join('/');
}
