/**
 * Finds code that runs or renders text as code: `eval`, `new Function` / `Function(…)`, a string
 * handed to setTimeout or setInterval, and React's dangerouslySetInnerHTML. The pages'
 * Content-Security-Policy refuses the first three at run time (no 'unsafe-eval'), so any of them
 * in src/ or in a production bundle is a feature that breaks in Excel; dangerouslySetInnerHTML is
 * how text from a workbook would become markup. Read from the syntax tree (TypeScript's parser,
 * which reads JavaScript too), so comments and strings that mention them do not count.
 */
import * as ts from 'typescript';

/** One place that evaluates or renders text as code. */
export interface DynamicCode {
  file: string;
  /** 1-based. */
  line: number;
  column: number;
  /** What it is, such as "new Function". */
  what: string;
  /** The code around it, on one line. */
  excerpt: string;
}

export interface DynamicCodeOptions {
  /** Also report dangerouslySetInnerHTML (source code; React's own bundle handles the prop by name). */
  markup: boolean;
}

/** Objects whose eval and Function are the global ones. */
const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self', 'global']);
const TIMERS = new Set(['setTimeout', 'setInterval']);

/** `(0, eval)`, `(eval)` and `window.eval` are eval; the name the expression calls, or null. */
function globalName(expression: ts.Expression): string | null {
  let e = expression;
  for (;;) {
    if (ts.isParenthesizedExpression(e)) e = e.expression;
    else if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.CommaToken) e = e.right;
    else break;
  }
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && GLOBAL_OBJECTS.has(e.expression.text)) return e.name.text;
  if (ts.isElementAccessExpression(e) && ts.isIdentifier(e.expression) && GLOBAL_OBJECTS.has(e.expression.text) && ts.isStringLiteralLike(e.argumentExpression)) {
    return e.argumentExpression.text;
  }
  return null;
}

function isText(node: ts.Expression | undefined): boolean {
  return node !== undefined && (ts.isStringLiteralLike(node) || ts.isTemplateExpression(node) || (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken && (isText(node.left) || isText(node.right))));
}

function kindOf(node: ts.Node, options: DynamicCodeOptions): string | null {
  if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
    const name = globalName(node.expression);
    if (name === 'eval') return 'eval';
    if (name === 'Function') return ts.isNewExpression(node) ? 'new Function' : 'Function()';
    if (name !== null && TIMERS.has(name) && isText(node.arguments?.[0])) return `${name} with a string`;
  }
  if (!options.markup) return null;
  if (ts.isJsxAttribute(node) && ts.isIdentifier(node.name) && node.name.text === 'dangerouslySetInnerHTML') return 'dangerouslySetInnerHTML';
  if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) && node.name.text === 'dangerouslySetInnerHTML') {
    return 'dangerouslySetInnerHTML';
  }
  return null;
}

/**
 * Every place in one file's text that evaluates text as code (and, with `markup`, sets
 * dangerouslySetInnerHTML). The file's extension picks the parser (.ts, .tsx, .js …).
 *
 * @example
 *   findDynamicCode('a.js', 'const g = new Function("return this")();', { markup: false });
 *   // [{ file: 'a.js', line: 1, column: 11, what: 'new Function', excerpt: 'const g = new Function("return this")();' }]
 *   findDynamicCode('a.ts', 'math.evaluate("1 + 1"); // not eval("…")', { markup: true }); // []
 */
export function findDynamicCode(file: string, text: string, options: DynamicCodeOptions): DynamicCode[] {
  const kind = /\.tsx$/.test(file) ? ts.ScriptKind.TSX : /\.ts$/.test(file) ? ts.ScriptKind.TS : /\.jsx$/.test(file) ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found: DynamicCode[] = [];
  const visit = (node: ts.Node): void => {
    const what = kindOf(node, options);
    if (what !== null) {
      const start = node.getStart(source);
      const { line, character } = source.getLineAndCharacterOfPosition(start);
      const excerpt = text.slice(Math.max(0, start - 40), start + 60).replace(/\s+/g, ' ');
      found.push({ file, line: line + 1, column: character + 1, what, excerpt });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
