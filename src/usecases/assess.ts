/**
 * Assess: the case read from the workbook (one read phase) and evaluated, nothing written — what
 * the pane shows and what it keeps up with. A module apart from Evaluate's writing, so the pane's
 * page need not carry the block's planning until Evaluate is pressed.
 */
import { CaseInputError, evaluateCase } from '../model';
import type { CaseResult } from '../model';
import type { InputSources, InputsRead, TableArg, WorkbookPort } from '../workbook/port';
import type { BlockInputs } from './block';
import { BLOCK_NAME } from './block-name';
import { planCard } from './card';
import type { DecisionCard } from './card';
import { requireCaseTables } from './check';
import { caseInput, formatWarnings, locate } from './inputs';
import type { Finding } from './inputs';

/** A case read from the workbook: evaluated, or stopped by the problems its cells have. */
export type Assessment =
  | { kind: 'problems'; read: InputsRead; findings: Finding[] }
  | { kind: 'evaluated'; read: InputsRead; result: CaseResult; card: DecisionCard; warnings: Finding[] };

/**
 * Reads the chosen tables in one read phase and evaluates the case; writes nothing. Problems
 * come with the cells they are about; warnings are what only the cells' formats reveal.
 *
 * @example
 *   const assessed = await assess(port, sources);
 *   if (assessed.kind === 'evaluated') assessed.result.verdict // 'NOT READY'
 */
export async function assess(port: WorkbookPort, sources: InputSources): Promise<Assessment> {
  requireCaseTables(sources);
  const read = await port.read(sources, BLOCK_NAME);
  try {
    const result = evaluateCase(caseInput(read));
    return { kind: 'evaluated', read, result, card: planCard(result, read), warnings: formatWarnings(read) };
  } catch (error) {
    if (error instanceof CaseInputError) return { kind: 'problems', read, findings: error.problems.map((p) => locate(p, read)) };
    throw error;
  }
}

/**
 * The tables the block's formulas read, as they were read: Metrics and Costs always (assess
 * requires them), the others when chosen.
 *
 * @example
 *   blockInputs(read).metrics // { table: { kind: 'table', name: 'Metrics', sheet: 'Metrics' }, range: { … } }
 */
export function blockInputs(read: InputsRead): BlockInputs {
  const arg = (t: keyof InputsRead['grids']): TableArg | undefined => {
    const g = read.grids[t];
    return g ? { table: g.source, range: g.range } : undefined;
  };
  return {
    metrics: arg('Metrics')!,
    costs: arg('Costs')!,
    readiness: arg('Readiness'),
    assumptions: arg('Assumptions'),
    ownership: arg('Ownership'),
  };
}
