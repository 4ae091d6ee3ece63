/**
 * The PILOT.* functions as a HyperFormula function plugin, for the workbench (the task pane on
 * an in-browser workbook) and for tests that evaluate real formulas. It registers the SAME
 * catalogue the Excel add-in runs (src/functions/catalogue.ts) through the same runner: this
 * file only converts HyperFormula's argument values in and its result values out.
 *
 * HyperFormula is licensed GPL: only this host (src/workbook/hyperformula), the workbench and
 * tests import it, never the add-in (webpack's ForbiddenModulesPlugin fails an add-in build that
 * bundles it, this host or the workbench).
 *
 * Spills: HyperFormula fixes a spill's size when a formula is entered, where Excel resizes it
 * at every recalculation. So the size is the result's size for the inputs as they are then
 * (falling back on the catalogue's spillShape when they cannot be read yet). A result that later
 * outgrows that size — more reasons after an edit, a longer Horizon — shows #SPILL! with a
 * message saying to enter the formula again; a smaller one leaves the extra cells blank.
 */
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from 'hyperformula';
import type { FunctionArgument, ImplementedFunctions } from 'hyperformula';
// HyperFormula's index does not export the AST and interpreter-state types.
import type { Ast, ProcedureAst } from 'hyperformula/typings/parser/Ast';
import type { CellAddress } from 'hyperformula/typings/parser/CellAddress';
import type { InterpreterState } from 'hyperformula/typings/interpreter/InterpreterState';
import type { InterpreterValue } from 'hyperformula/typings/interpreter/InterpreterValue';
import { CaseCache } from '../../functions/cache';
import { PILOT_FUNCTIONS, pilotFunction, type FunctionContext, type PilotFunction, type SpillCell } from '../../functions/catalogue';
import { runPilotFunction, type PilotOutcome } from '../../functions/runner';
import type { ErrorCode } from '../../model/errors';
import { cellA1, quoteSheet } from '../../model/a1';

/** The namespace the functions carry in a sheet, as in the add-in's manifest. */
export const PILOT_NAMESPACE = 'PILOT';

/**
 * A function's name in a sheet: `PILOT.NPV`.
 *
 * @example
 *   sheetName('NPV') // 'PILOT.NPV'
 */
export function sheetName(id: string): string {
  return `${PILOT_NAMESPACE}.${id}`;
}

/** Every PILOT function's name in a sheet, in SPEC §4's order. */
export const PILOT_FUNCTION_NAMES: readonly string[] = PILOT_FUNCTIONS.map((fn) => sheetName(fn.id));

const ERROR_TYPE: Readonly<Record<ErrorCode, ErrorType>> = {
  '#VALUE!': ErrorType.VALUE,
  '#NUM!': ErrorType.NUM,
  '#N/A': ErrorType.NA,
  '#DIV/0!': ErrorType.DIV_BY_ZERO,
};

/** HyperFormula's error types as Excel writes them, for the runner's "the cell holds the Excel error …". */
const ERROR_CODE: Readonly<Record<ErrorType, string>> = {
  [ErrorType.DIV_BY_ZERO]: '#DIV/0!',
  [ErrorType.NAME]: '#NAME?',
  [ErrorType.VALUE]: '#VALUE!',
  [ErrorType.NUM]: '#NUM!',
  [ErrorType.NA]: '#N/A',
  [ErrorType.CYCLE]: '#CYCLE!',
  [ErrorType.REF]: '#REF!',
  [ErrorType.SPILL]: '#SPILL!',
  [ErrorType.LIC]: '#LIC!',
  [ErrorType.ERROR]: '#ERROR!',
};

/**
 * How an empty cell inside a range reaches the PILOT functions: `null` as Excel on the web passes
 * it, or `0` as Excel on Windows has been seen to (github.com/OfficeDev/office-js issues 4702,
 * 5262, 1951). The second lets a test show that the block's formulas, which hand every table
 * over as IF(ISBLANK(t),"",t), give the same figures on both, and that a plain table reference
 * would not.
 */
export type BlankCells = 'null' | 'zero';

/** What the plugin reads from HyperFormula's `context` setting. */
interface PilotContext {
  pilotGate: { blankCells: BlankCells };
}

/**
 * HyperFormula's `context` setting for an engine whose PILOT functions receive empty cells inside
 * ranges as `blankCells` says.
 *
 * @example
 *   HyperFormula.buildEmpty({ ...HYPERFORMULA_CONFIG, context: pilotContext('zero') })
 */
export function pilotContext(blankCells: BlankCells): PilotContext {
  return { pilotGate: { blankCells } };
}

function blankCellsOf(context: unknown): BlankCells {
  const setting = (context as Partial<PilotContext> | undefined)?.pilotGate?.blankCells;
  return setting === 'zero' ? 'zero' : 'null';
}

/** One value of a range or argument as the runner reads Excel's: blanks null, rich numbers plain, errors with their code. */
function cellIn(value: unknown): unknown {
  if (value === EmptyValue) return null;
  if (value instanceof CellError) return { code: ERROR_CODE[value.type] ?? '#VALUE!', message: value.message };
  // Percent, currency and date numbers arrive as objects holding the number in `val`.
  if (typeof value === 'object' && value !== null && typeof (value as { val?: unknown }).val === 'number') return (value as { val: number }).val;
  return value;
}

/** An argument as Excel would pass it: a range as rows of values (its empty cells as `blanks` says), an omitted one as undefined, an empty one as null. */
function argumentIn(value: unknown, blanks: BlankCells): unknown {
  if (value instanceof SimpleRangeValue) return value.data.map((row) => row.map((cell) => (cell === EmptyValue && blanks === 'zero' ? 0 : cellIn(cell))));
  return value === undefined ? undefined : cellIn(value);
}

function argumentSpec(fn: PilotFunction): FunctionArgument[] {
  return fn.params.map((p) => ({
    // Tables, ranges and places arrive whole; one-cell arguments arrive as they are, errors included, so the runner can name them.
    argumentType: p.kind === 'table' || p.kind === 'range' || p.kind === 'place' ? FunctionArgumentType.ANY : FunctionArgumentType.SCALAR,
    ...(p.optional ? { optionalArg: true } : {}),
  }));
}

/**
 * The PILOT functions as one HyperFormula plugin: one method runs any of them (the catalogue
 * entry named by the call), one method sizes the spills. Each HyperFormula engine gets its own
 * instance, and with it its own case cache.
 */
export class PilotFunctionsPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = Object.fromEntries(
    PILOT_FUNCTIONS.map((fn) => [
      sheetName(fn.id),
      {
        method: 'evaluatePilot',
        parameters: argumentSpec(fn),
        vectorizationForbidden: true,
        ...(fn.result === 'spill' ? { sizeOfResultArrayMethod: 'pilotSpillSize' } : {}),
      },
    ]),
  );

  private readonly context: FunctionContext = { cases: new CaseCache() };

  /** Runs the PILOT function the call names. */
  evaluatePilot(ast: ProcedureAst, state: InterpreterState) {
    const fn = pilotFunction(ast.procedureName);
    if (fn === undefined) return new CellError(ErrorType.NAME, `${ast.procedureName} is not a PILOT function.`);
    return this.runFunction(ast.args, state, this.metadata(ast.procedureName), (...args: unknown[]) => {
      const blanks = blankCellsOf(this.config.context);
      const outcome = runPilotFunction(fn.id, this.withPlaces(fn, ast, state, args.map((arg) => argumentIn(arg, blanks))), this.context);
      return this.valueOut(outcome, fn, this.spillRoom(ast, state));
    });
  }

  /**
   * The arguments with each place argument's value replaced by its address, read from the
   * formula as Excel's parameterAddresses gives it (`Costs!A1:E1`): a reference's sheet and top-left
   * cell. A place given as anything but a cell or range reference has no address (null).
   */
  private withPlaces(fn: PilotFunction, ast: ProcedureAst, state: InterpreterState, args: unknown[]): unknown[] {
    return args.map((arg, i) => (fn.params[i]?.kind === 'place' ? this.addressOf(ast.args[i], state) : arg));
  }

  private addressOf(arg: Ast | undefined, state: InterpreterState): string | null {
    const reference = arg?.type === 'CELL_RANGE' ? arg.start : arg?.type === 'CELL_REFERENCE' ? arg.reference : undefined;
    if (reference === undefined) return null;
    const cell = reference.toSimpleCellAddress(state.formulaAddress);
    const sheet = this.dependencyGraph.sheetMapping.getSheetName(cell.sheet);
    return sheet === undefined ? null : `${quoteSheet(sheet)}!${cellA1(cell.row, cell.col)}`;
  }

  /**
   * An argument's value, both when the spill is sized and when the function runs. A table handed
   * over as IF(ISBLANK(t),"",t), as the block hands every table over, is read from its range at
   * once with its blanks as "": the same cells HyperFormula's IF and ISBLANK give computed cell by
   * cell, which took a third of an Evaluate. Without array arithmetic IF would not go cell by cell,
   * so it is left to HyperFormula, as is a table of one cell (IF gives a value, not a range).
   */
  protected override evaluateAst(ast: Ast, state: InterpreterState): InterpreterValue {
    const table = state.arraysFlag ? blankSafeTable(ast) : undefined;
    if (table !== undefined) {
      const cells = super.evaluateAst(table, state);
      if (cells instanceof SimpleRangeValue && cells.width() * cells.height() > 1) return blanksAsText(cells);
    }
    return super.evaluateAst(ast, state);
  }

  /** How many rows and columns a spill takes, decided when the formula is entered. */
  pilotSpillSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    const fn = pilotFunction(ast.procedureName);
    const shape = fn?.spillShape ?? { rows: 1, columns: 1 };
    const args = this.argumentsNow(ast, state);
    if (fn !== undefined && args !== null) {
      const outcome = runPilotFunction(fn.id, args, this.context);
      if (outcome.ok && Array.isArray(outcome.value)) return new ArraySize(outcome.value[0].length, outcome.value.length);
    }
    return new ArraySize(shape.columns, shape.rows);
  }

  /** The arguments' values as they stand while the formula is being entered; null when some cannot be read yet. */
  private argumentsNow(ast: ProcedureAst, state: InterpreterState): unknown[] | null {
    try {
      const blanks = blankCellsOf(this.config.context);
      const fn = pilotFunction(ast.procedureName);
      const args = ast.args.map((arg) => argumentIn(this.evaluateAst(arg, state), blanks));
      return fn === undefined ? args : this.withPlaces(fn, ast, state, args);
    } catch {
      // A referenced formula not computed yet (the workbook is still being built): the catalogue's shape stands in.
      return null;
    }
  }

  /** The size a spill was given, when this call is the whole formula of its cell; null when it is nested in another. */
  private spillRoom(ast: ProcedureAst, state: InterpreterState): { rows: number; columns: number } | null {
    const vertex = state.formulaVertex;
    if (vertex === undefined || vertex.getFormula(this.dependencyGraph.lazilyTransformingAstService) !== ast) return null;
    return { rows: vertex.height, columns: vertex.width };
  }

  private valueOut(outcome: PilotOutcome, fn: PilotFunction, room: { rows: number; columns: number } | null) {
    if (!outcome.ok) return new CellError(ERROR_TYPE[outcome.error.code], outcome.error.message);
    const value = outcome.value;
    if (!Array.isArray(value)) return value;
    const rows = value.length;
    const columns = value[0].length;
    if (room !== null && (rows > room.rows || columns > room.columns)) {
      return new CellError(
        ErrorType.SPILL,
        `${sheetName(fn.id)} now spills ${rows} × ${columns} cells, but it was entered when its result took ${room.rows} × ${room.columns}: enter the formula again to resize the spill.`,
      );
    }
    return SimpleRangeValue.onlyValues(value as SpillCell[][]);
  }
}

/**
 * The table `t` of an argument written `IF(ISBLANK(t),"",t)`, as the block hands every table
 * over; undefined for any other argument.
 */
function blankSafeTable(arg: Ast): Ast | undefined {
  if (arg.type !== 'FUNCTION_CALL' || arg.procedureName !== 'IF' || arg.args.length !== 3) return undefined;
  const [test, blank, table] = arg.args;
  if (test.type !== 'FUNCTION_CALL' || test.procedureName !== 'ISBLANK' || test.args.length !== 1) return undefined;
  if (blank.type !== 'STRING' || blank.value !== '') return undefined;
  return sameReference(test.args[0], table) ? table : undefined;
}

/** Two references to the same cells written alike: one named expression, or one range or cell with the same addresses. */
function sameReference(a: Ast, b: Ast): boolean {
  if (a.type === 'NAMED_EXPRESSION' && b.type === 'NAMED_EXPRESSION') return a.expressionName.toLowerCase() === b.expressionName.toLowerCase();
  if (a.type === 'CELL_RANGE' && b.type === 'CELL_RANGE') return sameAddress(a.start, b.start) && sameAddress(a.end, b.end);
  if (a.type === 'CELL_REFERENCE' && b.type === 'CELL_REFERENCE') return sameAddress(a.reference, b.reference);
  return false;
}

function sameAddress(a: CellAddress, b: CellAddress): boolean {
  return a.sheet === b.sheet && a.row === b.row && a.col === b.col && a.type === b.type;
}

/** What IF(ISBLANK(t),"",t) makes of a range of cells t: an empty cell "", any other value (an error included) itself. */
function blanksAsText(range: SimpleRangeValue): SimpleRangeValue {
  return SimpleRangeValue.onlyValues(range.data.map((row) => row.map((cell) => (cell === EmptyValue ? '' : cell))));
}

/**
 * Registers the PILOT functions with HyperFormula, under their sheet names (PILOT.NPV …) in
 * every language registered so far. Calling it again does nothing. Engines built afterwards
 * (with licenseKey 'gpl-v3', and smartRounding false to see full precision) can use them.
 *
 * @example
 *   registerPilotFunctions(HyperFormula);
 *   const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3', smartRounding: false });
 *   hf.getCellValue({ sheet: 0, row: 0, col: 0 }); // the value of =PILOT.NPV(Metrics!A1:I5,Costs!A1:E9)
 */
export function registerPilotFunctions(engine: typeof HyperFormula = HyperFormula): void {
  if (engine.getFunctionPlugin(PILOT_FUNCTION_NAMES[0]) === PilotFunctionsPlugin) return;
  const names = Object.fromEntries(PILOT_FUNCTION_NAMES.map((name) => [name, name]));
  const translations = Object.fromEntries(engine.getRegisteredLanguagesCodes().map((code) => [code, names]));
  engine.registerFunctionPlugin(PilotFunctionsPlugin, translations);
}
