/**
 * `pilot-gate evaluate`: each workbook opened by the .xlsx host, its case assessed by the use cases
 * with nobody to ask, its row taken and the workbook dropped before the next one is opened (so a
 * thousand workbooks need the memory of one); the block written where asked; then the pilots
 * ranked as a portfolio, printed, and written as a workbook where asked.
 */
import path from 'path';
import ExcelJS from 'exceljs';
import type { CaseResult, Simulation, SimulationOptions } from '../model/types';
import { createUseCases, pilotRow, planPortfolioSheet, portfolio, qualifiedA1, type PilotRow } from '../usecases';
import { WorkbookError } from '../workbook/port';
import { openXlsx } from '../workbook/xlsx/file';
import { XlsxWorkbook } from '../workbook/xlsx/workbook';
import { UsageError, type EvaluateOptions } from './args';
import { progressBar } from './progress';
import { pilotTable, portfolioTotalsText, problemOf, problemText, type ProblemLine } from './report';

/** Where the command writes, and its clock. */
export interface CommandIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  now: () => Date;
}

/** What came of one workbook. */
type FileOutcome =
  | { kind: 'evaluated'; row: PilotRow; result: CaseResult; simulation: Simulation | null; warnings: ProblemLine[]; notes: string[] }
  | { kind: 'problems'; problems: ProblemLine[] };

/** The sheet and table the portfolio workbook holds. */
const PORTFOLIO_SHEET = 'Portfolio';

/**
 * Runs `evaluate` and returns its exit code: 0 every workbook evaluated, 1 input problems.
 * Throws UsageError for a call that cannot be carried out as asked.
 *
 * @example
 *   const code = await evaluateCommand({ files: ['a.xlsx'], json: false, write: null, inPlace: false, portable: false, portfolio: null, simulate: false, trials: null, seed: null }, io);
 */
export async function evaluateCommand(options: EvaluateOptions, io: CommandIO): Promise<number> {
  const inputs = new Set(options.files.map((f) => path.resolve(f)));
  for (const [name, target] of [['--write', options.write], ['--portfolio', options.portfolio]] as const) {
    if (target !== null && inputs.has(path.resolve(target))) throw new UsageError(`${name} ${target} is one of the workbooks read: the input is never overwritten unless --in-place`);
  }
  const progress = progressBar(io.stderr, options.files.length);
  const rows: PilotRow[] = [];
  const problems: ProblemLine[] = [];
  const warnings: ProblemLine[] = [];
  const notes: string[] = [];
  if (options.json) io.stdout.write('{"workbooks":[');
  for (const [i, file] of options.files.entries()) {
    const outcome = await evaluateFile(file, options, io.now);
    if (options.json) io.stdout.write(`${i > 0 ? ',' : ''}\n${JSON.stringify(jsonEntry(file, outcome))}`);
    if (outcome.kind === 'problems') problems.push(...outcome.problems);
    else {
      rows.push(outcome.row);
      warnings.push(...outcome.warnings);
      notes.push(...outcome.notes);
    }
    progress.tick(i + 1, file);
  }
  progress.end();

  const ranked = portfolio(rows);
  if (options.portfolio !== null) {
    if (rows.length === 0) notes.push(`no workbook was evaluated, so no portfolio was written to ${options.portfolio}`);
    else {
      const book = new XlsxWorkbook(new ExcelJS.Workbook());
      await book.write(planPortfolioSheet(ranked, PORTFOLIO_SHEET, PORTFOLIO_SHEET, io.now()));
      await book.save(options.portfolio);
      notes.push(`portfolio of ${rows.length} pilot${rows.length === 1 ? '' : 's'} written to ${options.portfolio}`);
    }
  }
  if (options.json) io.stdout.write(`\n],"portfolio":${JSON.stringify(ranked)},"problems":${JSON.stringify(problems)}}\n`);
  else if (rows.length > 0) {
    io.stdout.write(`${pilotTable(ranked.ranked)}\n`);
    if (options.files.length > 1) io.stdout.write(`\n${portfolioTotalsText(ranked)}\n`);
  }
  for (const w of warnings) io.stderr.write(`${problemText(w, 'warning')}\n`);
  for (const p of problems) io.stderr.write(`${problemText(p)}\n`);
  for (const n of notes) io.stderr.write(`${n}\n`);
  const failed = new Set(problems.map((p) => p.file)).size;
  if (failed > 0) io.stderr.write(`${failed} of ${options.files.length} workbook${options.files.length === 1 ? '' : 's'} not evaluated: input problems above.\n`);
  return problems.length > 0 ? 1 : 0;
}

/**
 * One workbook: opened, assessed, written where asked; nothing of it is kept but its row. What the
 * workbook or its file does not allow (a table whose sheet is gone, a copy that cannot be written)
 * is a problem of this workbook; the others are still evaluated.
 */
async function evaluateFile(file: string, options: EvaluateOptions, now: () => Date): Promise<FileOutcome> {
  try {
    return await evaluateOpened(file, options, now);
  } catch (error) {
    if (error instanceof WorkbookError) return fileProblem(file, error.message);
    throw error;
  }
}

function fileProblem(file: string, message: string): FileOutcome {
  return { kind: 'problems', problems: [{ file, table: null, row: null, column: null, cell: null, message }] };
}

async function evaluateOpened(file: string, options: EvaluateOptions, now: () => Date): Promise<FileOutcome> {
  const opened = await openXlsx(file);
  const port = new XlsxWorkbook(opened.workbook, opened.dynamicArrays, opened.namedTexts);
  const useCases = createUseCases({ port, now });
  const assessed = await useCases.assessUnattended(options.simulate ? { simulation: simulationOptions(options) } : {});
  if (assessed.kind === 'problems') return { kind: 'problems', problems: assessed.findings.map((f) => problemOf(file, f)) };
  const notes: string[] = [];
  const target = options.inPlace ? file : options.write;
  if (target !== null) {
    if (options.inPlace && opened.partsNotKept.length > 0) {
      return fileProblem(file, `not written in place: it holds ${opened.partsNotKept.join(', ')}, which would be lost when the file is written again; write a copy with --write instead`);
    }
    const evaluation = await useCases.evaluate(assessed.sources, { portable: options.portable });
    if (evaluation.kind === 'problems') return { kind: 'problems', problems: evaluation.findings.map((f) => problemOf(file, f)) };
    let block = evaluation.kind === 'written' ? evaluation.block : null;
    if (evaluation.kind === 'conflict') {
      const placed = await useCases.placeBlock(evaluation.pending, 'newSheet');
      block = placed.block;
      notes.push(`${file}: cells in the way of the output block were kept; the block went to ${qualifiedA1(placed.block)}`);
    }
    await port.save(target, { recalculateOnOpen: options.portable });
    notes.push(`${file}: output block${options.portable ? ' (portable)' : ''} written to ${target}${block ? `, ${qualifiedA1(block)}` : ''}`);
    if (opened.partsNotKept.length > 0) notes.push(`${target}: the copy lacks the ${opened.partsNotKept.join(', ')} of ${file}, which are not written again`);
    if (port.chartsLeftOut.length > 0) notes.push(`${target}: the block's charts (${port.chartsLeftOut.join('; ')}) are not written to .xlsx files; Evaluate in Excel draws them`);
  }
  return {
    kind: 'evaluated',
    row: pilotRow(file, assessed.result, assessed.simulation),
    result: assessed.result,
    simulation: assessed.simulation,
    warnings: assessed.warnings.map((w) => problemOf(file, w)),
    notes,
  };
}

/** The trials and seed asked for; the engine's defaults for those not given. */
function simulationOptions(options: EvaluateOptions): SimulationOptions {
  return { ...(options.trials !== null ? { trials: options.trials } : {}), ...(options.seed !== null ? { seed: options.seed } : {}) };
}

function jsonEntry(file: string, outcome: FileOutcome): unknown {
  return outcome.kind === 'evaluated'
    ? { file, evaluated: true, verdict: outcome.result.verdict, result: outcome.result, ...(outcome.simulation ? { simulation: outcome.simulation } : {}), warnings: outcome.warnings }
    : { file, evaluated: false, problems: outcome.problems };
}
