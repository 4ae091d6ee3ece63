/**
 * A webpack loader the workbench's build applies to HyperFormula's formula parser
 * (hyperformula/es/parser/FormulaParser.mjs): its Chevrotain parser and lexer are built with
 * `skipValidations: true`, Chevrotain's option for a grammar known to be valid. The checks it
 * skips (the grammar's ambiguities, the token patterns' reachability) ran each time the page
 * opened, on a grammar that does not change: 110 to 140 ms of the workbench's 1.9 s open on a
 * 2-core machine. The analysis the parser and lexer run on (lookahead functions, first-character
 * optimizations) is built as before. Tests and the command line use HyperFormula unchanged, so
 * every test run still validates the grammar.
 *
 * Each edit must find its text exactly once: a HyperFormula release that changed it fails the
 * build with the file and the text, rather than leaving the checks on unnoticed.
 */
const EDITS = [
  // new FormulaParser: super(lexerConfig.allTokens, { outputCst: false, maxLookahead: 7 })
  ["maxLookahead: 7", "maxLookahead: 7, skipValidations: true"],
  // new FormulaLexer: new Lexer(lexerConfig.allTokens, { ensureOptimizations: true })
  ["ensureOptimizations: true", "ensureOptimizations: true, skipValidations: true"],
];

/**
 * @param {string} source HyperFormula's FormulaParser.mjs
 * @returns {string} the same with both Chevrotain configurations skipping validations
 * @example
 *   loader.call({ resourcePath: "FormulaParser.mjs" }, "super(t, { maxLookahead: 7 }); new Lexer(t, { ensureOptimizations: true })");
 */
function hyperformulaParserLoader(source) {
  let edited = source;
  for (const [from, to] of EDITS) {
    const found = edited.split(from).length - 1;
    if (found !== 1) {
      throw new Error(`${this.resourcePath}: expected \`${from}\` once, found it ${found} times. HyperFormula's parser changed: review src/workbench/build/hyperformula-parser-loader.js.`);
    }
    edited = edited.replace(from, to);
  }
  return edited;
}

module.exports = hyperformulaParserLoader;
