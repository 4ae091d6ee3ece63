/**
 * The Markdown the user guide (docs/guide.md) is written in, read into blocks and rendered as
 * HTML for the help page. A small, strict subset, so that the guide reads the same on the help
 * page and in the repository: headings (anchored as GitHub anchors them), paragraphs, flat lists,
 * tables (`---:` aligns a column right), fenced code, and inline code, bold, italics and links.
 * A `<!-- check: name -->` comment marks the table below it as one a test compares with the
 * engine; other comments are left out. Anything the subset cannot say is an error, never a guess.
 * Text is escaped: nothing in the guide becomes markup except through this syntax.
 */

export type Align = 'left' | 'right';

export type Block =
  | { readonly kind: 'heading'; readonly level: number; readonly text: string; readonly id: string; readonly line: number }
  | { readonly kind: 'paragraph'; readonly text: string; readonly line: number }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly string[]; readonly line: number }
  | {
      readonly kind: 'table';
      readonly header: readonly string[];
      readonly align: readonly Align[];
      readonly rows: readonly (readonly string[])[];
      /** The name of the check a test runs on this table (`<!-- check: name -->` above it); null for none. */
      readonly check: string | null;
      readonly line: number;
    }
  | { readonly kind: 'code'; readonly text: string; readonly line: number };

const HEADING = /^(#{1,4})\s+(.*?)\s*$/;
const LIST_ITEM = /^(?:([-*])|(\d+)\.)\s+(.*)$/;
const CHECK = /^<!--\s*check:\s*([\w-]+)\s*-->$/;
const COMMENT_START = /^<!--/;
const FENCE = /^```/;

/**
 * The anchor of a heading, as GitHub gives it (so a link to docs/guide.md#… works in the
 * repository and on the help page alike): its text in lower case, punctuation dropped, each space
 * a dash.
 *
 * @example
 *   slug("Each metric's value")        // 'each-metrics-value'
 *   slug('NPV, IRR, ROI and payback')  // 'npv-irr-roi-and-payback'
 */
export function slug(text: string): string {
  return plainText(text)
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** A table row's cells: `| a | b \| c |` → ['a', 'b \| c'] (an escaped bar stays escaped for the inline pass). */
function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  const out: string[] = [];
  let cell = '';
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '\\' && inner[i + 1] === '|') {
      cell += '\\|';
      i++;
    } else if (inner[i] === '|') {
      out.push(cell.trim());
      cell = '';
    } else {
      cell += inner[i];
    }
  }
  out.push(cell.trim());
  return out;
}

function isTableLine(line: string): boolean {
  return line.trim().startsWith('|');
}

/**
 * Reads Markdown into blocks. Throws, naming the line, on what the subset does not have: a
 * table whose rows differ in width, a check comment with no table under it, an unclosed code
 * fence or comment, two headings with the same anchor.
 *
 * @example
 *   parseMarkdown('## Costs\n\nWhat a cost is.')
 *   // [{ kind: 'heading', level: 2, text: 'Costs', id: 'costs', line: 1 }, { kind: 'paragraph', text: 'What a cost is.', line: 3 }]
 */
export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  const ids = new Map<string, number>();
  let check: { name: string; line: number } | null = null;
  let i = 0;
  const fail = (line: number, message: string): never => {
    throw new Error(`Markdown line ${line}: ${message}`);
  };
  const push = (block: Block): void => {
    if (check !== null && block.kind !== 'table') fail(check.line, `<!-- check: ${check.name} --> must stand right above a table`);
    blocks.push(block);
  };

  while (i < lines.length) {
    const line = lines[i];
    const at = i + 1;
    const trimmed = line.trim();
    if (trimmed === '') {
      i++;
      continue;
    }
    const marker = CHECK.exec(trimmed);
    if (marker) {
      if (check !== null) fail(check.line, 'a check comment with no table under it');
      check = { name: marker[1], line: at };
      i++;
      continue;
    }
    if (COMMENT_START.test(trimmed)) {
      while (i < lines.length && !lines[i].includes('-->')) i++;
      if (i === lines.length) fail(at, 'a comment that is never closed');
      i++;
      continue;
    }
    if (FENCE.test(trimmed)) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !FENCE.test(lines[i].trim())) body.push(lines[i++]);
      if (i === lines.length) fail(at, 'a code fence that is never closed');
      i++;
      push({ kind: 'code', text: body.join('\n'), line: at });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const id = slug(heading[2]);
      if (ids.has(id)) fail(at, `the anchor #${id} is already taken by line ${ids.get(id)}`);
      ids.set(id, at);
      push({ kind: 'heading', level: heading[1].length, text: heading[2], id, line: at });
      i++;
      continue;
    }
    if (isTableLine(line)) {
      const rows: string[][] = [];
      while (i < lines.length && isTableLine(lines[i])) rows.push(cells(lines[i++]));
      const [header, rule, ...body] = rows;
      if (!rule || !rule.every((c) => /^:?-{3,}:?$/.test(c))) fail(at, 'a table needs a header row and a |---| row under it');
      const width = header.length;
      rows.forEach((row, r) => {
        if (row.length !== width) fail(at + r, `a table row of ${row.length} cells in a table of ${width} columns`);
      });
      const align = rule.map((c): Align => (c.endsWith(':') && !c.startsWith(':') ? 'right' : 'left'));
      blocks.push({ kind: 'table', header, align, rows: body, check: check?.name ?? null, line: at });
      check = null;
      continue;
    }
    const item = LIST_ITEM.exec(trimmed);
    if (item && !line.startsWith(' ')) {
      const ordered = item[2] !== undefined;
      const items: string[] = [];
      while (i < lines.length) {
        const next = LIST_ITEM.exec(lines[i].trim());
        if (next && !lines[i].startsWith(' ') && (next[2] !== undefined) === ordered) {
          items.push(next[3]);
        } else if (lines[i].startsWith('  ') && lines[i].trim() !== '' && items.length > 0) {
          items[items.length - 1] += ` ${lines[i].trim()}`;
        } else {
          break;
        }
        i++;
      }
      push({ kind: 'list', ordered, items, line: at });
      continue;
    }
    const text: string[] = [];
    while (i < lines.length && lines[i].trim() !== '' && !HEADING.test(lines[i]) && !isTableLine(lines[i]) && !FENCE.test(lines[i].trim()) && !COMMENT_START.test(lines[i].trim())) {
      if (text.length > 0 && LIST_ITEM.test(lines[i].trim()) && !lines[i].startsWith(' ')) break;
      text.push(lines[i++].trim());
    }
    push({ kind: 'paragraph', text: text.join(' '), line: at });
  }
  if (check !== null) fail(check.line, 'a check comment with no table under it');
  return blocks;
}

/**
 * Text made safe to stand in HTML, in an element or a quoted attribute.
 *
 * @example
 *   escapeHtml('<b> & "x"') // '&lt;b&gt; &amp; &quot;x&quot;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Where a link may point: an anchor on the page, another page of the add-in, or an https address. */
const LINK_TARGET = /^(#[^\s]+|[\w-]+\.html(#[^\s]*)?|https:\/\/[^\s]+)$/;

/** Emphasis and links in text that holds no code span, already escaped. */
function emphasis(escaped: string): string {
  const html = escaped
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label: string, href: string) => {
      const target = href.replace(/&amp;/g, '&');
      if (!LINK_TARGET.test(target)) throw new Error(`a link to "${target}": links go to #anchors, pages of the add-in or https addresses`);
      return `<a href="${escapeHtml(target)}">${label}</a>`;
    })
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^\w*])\*([^*\s][^*]*?)\*(?=[^\w*]|$)/g, '$1<em>$2</em>');
  // Bold around italics (**Year *y***) is more than the subset reads: say so rather than show stray marks.
  if (html.includes('**')) throw new Error(`unmatched ** in "${escaped}": bold cannot hold * inside`);
  return html;
}

/** A backslash before punctuation keeps the character as it is (`\|` in a table cell, `\*`). */
const ESCAPED = /\\([\\`*_[\]()|#-])/g;
/** Stands in for an escaped character while emphasis is read, then is put back. */
const HELD = '\u0000';

/**
 * One line of Markdown text as HTML: `code`, **bold**, *italics*, [links](#anchor), the rest escaped.
 *
 * @example
 *   renderInline('Use `Metrics[#All]` for **every** table, see [costs](#costs).')
 *   // 'Use <code>Metrics[#All]</code> for <strong>every</strong> table, see <a href="#costs">costs</a>.'
 */
export function renderInline(text: string): string {
  const held: string[] = [];
  const hold = (html: string): string => {
    held.push(html);
    return `${HELD}${held.length - 1}${HELD}`;
  };
  const protectedText = text
    .replace(/`([^`]+)`/g, (_, code: string) => hold(`<code>${escapeHtml(code)}</code>`))
    .replace(ESCAPED, (_, char: string) => hold(escapeHtml(char)));
  const html = emphasis(escapeHtml(protectedText));
  return html.replace(new RegExp(`${HELD}(\\d+)${HELD}`, 'g'), (_, n: string) => held[Number(n)]);
}

/**
 * Blocks as HTML. Tables sit in a scrolling box, so a wide one never widens a narrow page.
 *
 * @example
 *   renderBlocks(parseMarkdown('## Costs\n\n- Pilot\n- Annual'))
 *   // '<h2 id="costs">Costs</h2>\n<ul><li>Pilot</li><li>Annual</li></ul>'
 */
export function renderBlocks(blocks: readonly Block[]): string {
  return blocks
    .map((block) => {
      switch (block.kind) {
        case 'heading':
          return `<h${block.level} id="${escapeHtml(block.id)}">${renderInline(block.text)}</h${block.level}>`;
        case 'paragraph':
          return `<p>${renderInline(block.text)}</p>`;
        case 'list': {
          const tag = block.ordered ? 'ol' : 'ul';
          return `<${tag}>${block.items.map((item) => `<li>${renderInline(item)}</li>`).join('')}</${tag}>`;
        }
        case 'code':
          return `<pre><code>${escapeHtml(block.text)}</code></pre>`;
        case 'table': {
          const cls = (c: number): string => (block.align[c] === 'right' ? ' class="num"' : '');
          const head = block.header.map((h, c) => `<th scope="col"${cls(c)}>${renderInline(h)}</th>`).join('');
          const body = block.rows.map((row) => `<tr>${row.map((cell, c) => `<td${cls(c)}>${renderInline(cell)}</td>`).join('')}</tr>`).join('');
          return `<div class="table"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
        }
      }
    })
    .join('\n');
}

/**
 * The text of inline Markdown as a reader sees it: marks and escapes gone, code and links kept as their text.
 *
 * @example
 *   plainText('**NPV** of `Metrics[#All]`, see [costs](#costs)') // 'NPV of Metrics[#All], see costs'
 */
export function plainText(text: string): string {
  return text
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\[([^\]]+)\]\([^)\s]+\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[^\w*])\*([^*\s][^*]*?)\*(?=[^\w*]|$)/g, '$1$2')
    .replace(ESCAPED, '$1');
}
