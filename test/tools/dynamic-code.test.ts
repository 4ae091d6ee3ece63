import * as fs from 'fs';
import * as path from 'path';
import { findDynamicCode } from './dynamic-code';
import { filesUnder, productionBuildBeforeAll } from './production-build';

const ROOT = path.resolve(__dirname, '../..');

const whatIn = (file: string, text: string): string[] => findDynamicCode(file, text, { markup: true }).map((f) => f.what);

describe('findDynamicCode', () => {
  it.each([
    ['eval("1 + 1");', 'eval'],
    ['const run = (0, eval)(code);', 'eval'],
    ['window.eval(code);', 'eval'],
    ['globalThis["eval"](code);', 'eval'],
    ['const g = new Function("return this")();', 'new Function'],
    ['const f = Function("a", "return a");', 'Function()'],
    ['new self.Function("x");', 'new Function'],
    ['setTimeout("tick()", 10);', 'setTimeout with a string'],
    ['setInterval(`tick(${n})`, 10);', 'setInterval with a string'],
    ['window.setTimeout("a" + b, 0);', 'setTimeout with a string'],
  ])('finds %s', (code, what) => {
    expect(whatIn('a.ts', code)).toEqual([what]);
  });

  it('finds dangerouslySetInnerHTML as a JSX attribute and as a createElement prop', () => {
    expect(whatIn('a.tsx', 'const a = <div dangerouslySetInnerHTML={{ __html: cell }} />;')).toEqual(['dangerouslySetInnerHTML']);
    expect(whatIn('a.ts', 'createElement("div", { dangerouslySetInnerHTML: { __html: cell } });')).toEqual(['dangerouslySetInnerHTML']);
    expect(whatIn('a.ts', 'createElement("div", { "dangerouslySetInnerHTML": html });')).toEqual(['dangerouslySetInnerHTML']);
    // React's own bundle reads the prop by name; bundles are scanned without `markup`.
    expect(findDynamicCode('a.js', 'if (props.dangerouslySetInnerHTML != null) x = { dangerouslySetInnerHTML: 1 };', { markup: false })).toEqual([]);
  });

  it('passes code that only mentions them, or calls something else of the same name', () => {
    const harmless = [
      '// eval("x") and new Function("y") are refused by the policy',
      'const message = "do not eval(text) or new Function(text)";',
      'math.evaluate("1 + 1");',
      'expression.eval(scope);',
      'if (typeof f === "function" || f instanceof Function) f();',
      'setTimeout(() => tick(), 10);',
      'setTimeout(tick, 10);',
      'const a = <div title="dangerouslySetInnerHTML" />;',
    ].join('\n');
    expect(whatIn('a.tsx', harmless)).toEqual([]);
  });

  it('says where: file, line, column and the code around it', () => {
    expect(findDynamicCode('src/x.ts', 'const a = 1;\nconst g = new Function("return this")();\n', { markup: false })).toEqual([
      { file: 'src/x.ts', line: 2, column: 11, what: 'new Function', excerpt: 'const a = 1; const g = new Function("return this")(); ' },
    ]);
  });
});

describe('src/', () => {
  it('evaluates no text as code and sets no dangerouslySetInnerHTML', () => {
    const files = filesUnder(path.join(ROOT, 'src'), /\.(ts|tsx|js)$/);
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) => findDynamicCode(path.relative(ROOT, file), fs.readFileSync(file, 'utf8'), { markup: true }));
    expect(found.map((f) => `${f.file}:${f.line}:${f.column} ${f.what}: ${f.excerpt}`)).toEqual([]);
  });
});

describe('the production bundles', () => {
  const build = productionBuildBeforeAll();

  // What the dependencies bring in counts as much as our code: the pages' policy refuses it all
  // the same. webpack's own runtime used `new Function("return this")` to find the global object
  // until output.environment.globalThis said it need not.
  it('evaluate no text as code, whatever a dependency brought in', () => {
    const { dir } = build();
    const bundles = filesUnder(dir, /\.js$/);
    expect(bundles.map((f) => path.basename(f)).sort()).toEqual(expect.arrayContaining(['commands.js', 'functions.js', 'taskpane.js']));
    const found = bundles.flatMap((file) => findDynamicCode(path.relative(dir, file), fs.readFileSync(file, 'utf8'), { markup: false }));
    expect(found.map((f) => `${f.file}:${f.line}:${f.column} ${f.what}: ${f.excerpt}`)).toEqual([]);
  });
});
