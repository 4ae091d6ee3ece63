import * as fs from 'fs';
import * as path from 'path';
import { workbenchBuild } from '../e2e/support/workbench-build';

// The loader is CommonJS, run by webpack from its path (webpack.config.js).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loader = require('../../src/workbench/build/hyperformula-parser-loader.js') as (this: { resourcePath: string }, source: string) => string;

const PARSER = path.resolve(path.dirname(require.resolve('hyperformula')), '..', 'es', 'parser', 'FormulaParser.mjs');
const run = (source: string): string => loader.call({ resourcePath: 'FormulaParser.mjs' }, source);

describe("the workbench's HyperFormula parser loader", () => {
  it("turns Chevrotain's validations off in the installed HyperFormula's parser and its lexer, and changes nothing else", () => {
    const source = fs.readFileSync(PARSER, 'utf8');
    const edited = run(source);
    expect(edited).toContain('maxLookahead: 7, skipValidations: true');
    expect(edited).toContain('ensureOptimizations: true, skipValidations: true');
    expect(edited.split('skipValidations').length - 1).toBe(2);
    expect(edited.replace(/, skipValidations: true/g, '')).toBe(source);
  });

  it('fails, naming the file and the text, when HyperFormula no longer has the text it edits', () => {
    expect(() => run('super(tokens, { maxLookahead: 8 }); new Lexer(tokens, { ensureOptimizations: true })')).toThrow(
      /FormulaParser\.mjs: expected `maxLookahead: 7` once, found it 0 times/,
    );
    expect(() => run('{ maxLookahead: 7 } { maxLookahead: 7 } { ensureOptimizations: true }')).toThrow(/found it 2 times/);
  });

  it("is applied by the workbench's build: its HyperFormula script builds both with skipValidations", () => {
    const script = fs.readFileSync(path.join(workbenchBuild().dir, 'hyperformula.js'), 'utf8');
    expect(script.match(/maxLookahead: 7,\s*skipValidations: true/g)).toHaveLength(1);
    expect(script.match(/ensureOptimizations: true,\s*skipValidations: true/g)).toHaveLength(1);
  }, 600_000);
});
