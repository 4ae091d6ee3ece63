/**
 * Check inputs: read the chosen tables in one read phase and list what the engine and the
 * formats say is wrong, each with the cell it is about.
 */
import { checkCase } from '../model';
import { BLOCK_NAME } from './block-name';
import { caseInput, formatWarnings, locate } from './inputs';
import type { Finding } from './inputs';
import type { InputSources, InputsRead, WorkbookPort } from '../workbook/port';

/**
 * Thrown when a step needs a table the person has not pointed at yet.
 *
 * @example
 *   throw new MissingTableError(['Costs']); // Choose the Costs table first …
 */
export class MissingTableError extends Error {
  constructor(readonly tables: string[]) {
    super(`Choose the ${tables.join(' and ')} table${tables.length === 1 ? '' : 's'} first (Find tables, or select one and use the selection).`);
    this.name = 'MissingTableError';
  }
}

/**
 * Throws MissingTableError unless Metrics and Costs have sources.
 *
 * @example
 *   requireCaseTables({ Metrics: m }) // throws: Choose the Costs table first …
 */
export function requireCaseTables(sources: InputSources): void {
  const missing = (['Metrics', 'Costs'] as const).filter((t) => !sources[t]);
  if (missing.length > 0) throw new MissingTableError([...missing]);
}

export interface InputsCheck {
  read: InputsRead;
  /** Errors first (they stop Evaluate), then warnings. */
  findings: Finding[];
}

/**
 * One read, then the engine's problems and the format warnings.
 *
 * @example
 *   const { findings } = await checkInputs(port, sources);
 *   findings.length === 0 // the inputs are usable
 */
export async function checkInputs(port: WorkbookPort, sources: InputSources): Promise<InputsCheck> {
  requireCaseTables(sources);
  const read = await port.read(sources, BLOCK_NAME);
  const problems = checkCase(caseInput(read)).map((p) => locate(p, read));
  return { read, findings: [...problems, ...formatWarnings(read)] };
}
