/**
 * The function reference of the help page, written from the PILOT declarations
 * (src/functions/declarations.ts) at build time, so it cannot drift from what Excel registers:
 * for each function, its signature, what it does, its arguments with what each accepts, its
 * result, its examples (the ones the tests run) and its errors (those it declares, and those
 * its arguments give). A function declared later appears here with no change to this file.
 * Each entry's anchor is the one functions.json's helpUrl points at (address.ts).
 */
import type { ErrorDeclaration, FunctionDeclaration, FunctionExample, ParamDeclaration, ParamKind, SpillCell } from '../functions/declarations';
import { helpAnchor } from './address';
import { escapeHtml, renderInline } from './markdown';

/** The anchor of the reference's own heading. */
export const REFERENCE_ANCHOR = 'functions';

/** How each kind of argument is given, for a person. */
const KIND_WORDS: Readonly<Record<ParamKind, string>> = {
  table: 'a table with its header row',
  range: 'a range or an array',
  cell: 'a cell or a value',
  text: 'text',
  number: 'a number',
  place: "a reference to a table's header row, read for its address",
};

/**
 * A function as it is typed, optional arguments in brackets.
 *
 * @example
 *   signature(npvDeclaration) // 'PILOT.NPV(metrics, costs, [assumptions])'
 */
export function signature(declaration: FunctionDeclaration): string {
  const params = declaration.params.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `${helpAnchor(declaration.id)}(${params.join(', ')})`;
}

/** A figure of an example as a sheet would show it, grouped for reading: 1475525.91 → "1,475,525.91". */
export function exampleCell(cell: SpillCell): string {
  if (typeof cell === 'string') return cell;
  const [whole, decimals] = String(Math.abs(cell)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${cell < 0 ? '-' : ''}${grouped}${decimals === undefined ? '' : `.${decimals}`}`;
}

/** What an argument accepts beyond its description: its words, its range, its default. */
function accepts(p: ParamDeclaration): string[] {
  const notes: string[] = [];
  if (p.choices) notes.push(`One of ${p.choices.map((c) => `\`"${c}"\``).join(', ')}, in any case.`);
  if (p.range) {
    const bounds = [
      p.range.above === undefined ? null : `above ${p.range.above}`,
      p.range.min === undefined ? null : `at least ${p.range.min}`,
      p.range.max === undefined ? null : `at most ${p.range.max}`,
    ].filter((b): b is string => b !== null);
    notes.push(`A number ${bounds.join(' and ')}.`);
  }
  if (p.default !== undefined) notes.push(`Left out or blank: \`${typeof p.default === 'string' ? `"${p.default}"` : p.default}\`.`);
  return notes;
}

function argumentHtml(p: ParamDeclaration): string {
  const kind = `${KIND_WORDS[p.kind]}, ${p.optional ? 'optional' : 'required'}`;
  const text = [p.description, ...accepts(p)].map(renderInline).join(' ');
  return `<dt><code>${escapeHtml(p.name)}</code> <span class="kind">${escapeHtml(kind)}</span></dt><dd>${text}</dd>`;
}

/** The errors every function with these arguments can give, from the arguments' declarations. */
function argumentErrors(declaration: FunctionDeclaration): ErrorDeclaration[] {
  const errors: ErrorDeclaration[] = [];
  const params = declaration.params;
  const tables = params.filter((p) => p.kind === 'table');
  if (tables.length > 0) {
    const names = tables.map((p) => `\`${p.name}\``).join(', ');
    errors.push({
      code: '#VALUE!',
      when: `a table (${names}) has a problem, such as a missing column or a cell that is not a value: the message names the table, its row and its column and says what was expected (*Check inputs* lists every problem at once)`,
    });
  }
  const cells = params.filter((p) => p.kind !== 'text' && p.kind !== 'number');
  if (cells.length > 0) errors.push({ code: '#VALUE!', when: 'a cell it reads holds an Excel error (such as #N/A) or a data type: the message names the cell' });
  for (const p of params) {
    if (p.choices) errors.push({ code: '#VALUE!', when: `\`${p.name}\` is not one of the words it takes` });
    else if (p.range) errors.push({ code: '#VALUE!', when: `\`${p.name}\` is not ${p.expected ?? 'a number it takes'}` });
    else if ((p.kind === 'text' || p.kind === 'number') && !p.optional) errors.push({ code: '#VALUE!', when: `\`${p.name}\` is blank` });
  }
  return errors;
}

/**
 * Every error a function's cell can show: those it declares first, then those of its arguments.
 *
 * @example
 *   functionErrors(expansionDeclaration).map((e) => e.code) // ['#DIV/0!', '#VALUE!']
 */
export function functionErrors(declaration: FunctionDeclaration): ErrorDeclaration[] {
  return [...(declaration.errors ?? []), ...argumentErrors(declaration)];
}

function exampleHtml(example: FunctionExample): string {
  const formula = `<code class="formula">${escapeHtml(example.formula)}</code>`;
  if (!Array.isArray(example.result)) {
    return `<li class="example">${formula} <span class="gives">gives</span> <span class="result">${escapeHtml(exampleCell(example.result as SpillCell))}</span></li>`;
  }
  const rows = (example.result as readonly (readonly SpillCell[])[])
    .map((row) => `<tr>${row.map((cell) => `<td${typeof cell === 'number' ? ' class="num"' : ''}>${escapeHtml(exampleCell(cell))}</td>`).join('')}</tr>`)
    .join('');
  return `<li class="example">${formula} <span class="gives">spills, from its top-left cell:</span><div class="table"><table class="spill result"><tbody>${rows}</tbody></table></div></li>`;
}

function errorHtml(error: ErrorDeclaration): string {
  const example = error.example === undefined ? '' : ` <span class="gives">For example</span> <code class="formula error-example">${escapeHtml(error.example)}</code>`;
  return `<li><code class="code">${escapeHtml(error.code)}</code> when ${renderInline(error.when)}.${example}</li>`;
}

/** The title of the guide's section with this anchor; undefined when the guide has none. */
export type GuideSections = (anchor: string) => string | undefined;

/** A link to the guide's section that explains how the function's result is worked out. */
function guideLink(declaration: FunctionDeclaration, sections: GuideSections): string {
  if (declaration.guide === undefined) return '';
  const title = sections(declaration.guide);
  if (title === undefined) throw new Error(`PILOT.${declaration.id} points at the guide's section #${declaration.guide}, which the guide does not have`);
  return `<p class="guide">How it is worked out: <a href="#${escapeHtml(declaration.guide)}">${renderInline(title)}</a>.</p>`;
}

/**
 * One function's entry: a heading whose anchor is the function's name, then what it does,
 * takes, gives, and which errors it shows, and where the guide explains it.
 *
 * @example
 *   functionEntry(npvDeclaration, sections) // '<section class="function" aria-labelledby="PILOT.NPV"><h3 id="PILOT.NPV">…'
 */
export function functionEntry(declaration: FunctionDeclaration, sections: GuideSections): string {
  const anchor = helpAnchor(declaration.id);
  const spills = declaration.result === 'spill' ? ' It spills into the cells below and to the right; Excel shows #SPILL! when they are not free.' : '';
  return [
    `<section class="function" aria-labelledby="${escapeHtml(anchor)}">`,
    `<h3 id="${escapeHtml(anchor)}"><code>${escapeHtml(anchor)}</code></h3>`,
    `<p class="signature"><code>=${escapeHtml(signature(declaration))}</code></p>`,
    `<p>${renderInline(declaration.description)}</p>`,
    guideLink(declaration, sections),
    '<h4>Arguments</h4>',
    declaration.params.length === 0 ? '<p>None.</p>' : `<dl class="arguments">${declaration.params.map(argumentHtml).join('')}</dl>`,
    '<h4>Result</h4>',
    `<p>${renderInline(declaration.returns)}${spills}</p>`,
    `<h4>${declaration.examples.length === 1 ? 'Example' : 'Examples'}</h4>`,
    '<ul class="examples">',
    ...declaration.examples.map(exampleHtml),
    '</ul>',
    '<h4>Errors</h4>',
    `<ul class="errors">${functionErrors(declaration).map(errorHtml).join('')}</ul>`,
    '<p class="top"><a href="#functions">All functions</a></p>',
    '</section>',
  ].join('\n');
}

/**
 * The whole reference: its heading, how the functions take their arguments, an index of the
 * functions, and an entry per function, in the declarations' order. `sections` names the guide's
 * sections the entries link to.
 *
 * @example
 *   functionReference(PILOT_DECLARATIONS, (anchor) => titles.get(anchor)) // '<h2 id="functions">Function reference</h2>…'
 */
export function functionReference(declarations: readonly FunctionDeclaration[], sections: GuideSections): string {
  const index = declarations
    .map((d) => `<li><a href="#${escapeHtml(helpAnchor(d.id))}"><code>${escapeHtml(helpAnchor(d.id))}</code></a> ${renderInline(firstSentence(d.description))}</li>`)
    .join('');
  return [
    `<h2 id="${REFERENCE_ANCHOR}">Function reference</h2>`,
    '<p>Every function takes whole tables <strong>with their header row</strong>, such as <code>Metrics[#All]</code>, so the columns are found by their headers in any order. An optional argument may be left out, or given as <code>""</code>. The examples work on the sample case that <em>Insert template</em> puts in your workbook, with its tables named Metrics, Costs, Readiness and Assumptions.</p>',
    `<ul class="function-index">${index}</ul>`,
    ...declarations.map((d) => functionEntry(d, sections)),
  ].join('\n');
}

/** The first sentence of a description, for the index. */
function firstSentence(text: string): string {
  const end = text.search(/[.:](\s|$)/);
  return end < 0 ? text : `${text.slice(0, end)}.`;
}
