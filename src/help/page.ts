/**
 * The help page's content: the user guide (docs/guide.md, written by hand and checked against
 * the engine by the tests) followed by the function reference (written from the declarations),
 * with a table of contents. Rendered at build time by webpack.config.js into help.html, a page
 * of its own that runs no script.
 */
import type { FunctionDeclaration } from '../functions/declarations';
import { parseMarkdown, renderBlocks, renderInline, escapeHtml, type Block } from './markdown';
import { REFERENCE_ANCHOR, functionReference } from './reference';

type Heading = Extract<Block, { kind: 'heading' }>;

/**
 * The body of help.html: the guide's title and opening paragraphs, the contents (the guide's
 * sections and the function reference), the rest of the guide, then the reference.
 *
 * @example
 *   helpPageBody(fs.readFileSync('docs/guide.md', 'utf8'), PILOT_DECLARATIONS)
 *   // '<div class="page">\n<main>\n<header><h1 id="pilot-gate-user-guide">Pilot Gate user guide</h1><p>…'
 */
export function helpPageBody(guide: string, declarations: readonly FunctionDeclaration[]): string {
  const blocks = parseMarkdown(guide);
  const [title, ...rest] = blocks;
  if (title?.kind !== 'heading' || title.level !== 1) throw new Error('the guide must open with its title, a level-1 heading');
  const lead = rest.findIndex((b) => b.kind === 'heading');
  const intro = lead < 0 ? rest : rest.slice(0, lead);
  const body = lead < 0 ? [] : rest.slice(lead);
  const headings = rest.filter((b): b is Heading => b.kind === 'heading');
  const sections = headings.filter((h) => h.level === 2);
  const titles = new Map(headings.map((h) => [h.id, h.text]));
  const contents = [...sections.map((h) => ({ id: h.id, html: renderInline(h.text) })), { id: REFERENCE_ANCHOR, html: 'Function reference' }]
    .map((entry) => `<li><a href="#${escapeHtml(entry.id)}">${entry.html}</a></li>`)
    .join('');
  return [
    '<div class="page">',
    '<main>',
    `<header>${renderBlocks([title, ...intro])}</header>`,
    `<nav aria-label="Contents"><p class="nav-title">Contents</p><ol>${contents}</ol></nav>`,
    renderBlocks(body),
    functionReference(declarations, (anchor) => titles.get(anchor)),
    '</main>',
    '</div>',
  ].join('\n');
}
