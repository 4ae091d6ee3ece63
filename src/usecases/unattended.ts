/**
 * A workbook evaluated with nobody to ask (the command line, a pipeline): its tables found as Find
 * tables finds them, the case read and evaluated, nothing written. Where the pane would let a
 * person choose — two places that could equally be the Metrics table — this stops with a problem
 * naming both, rather than guess.
 */
import { ModelError, simulateCase } from '../model';
import type { CaseResult, Simulation, SimulationOptions, TableName } from '../model/types';
import type { InputSources, InputsRead, WorkbookPort } from '../workbook/port';
import { NAME_SCORES, sourceKey, type Candidate } from './discover';
import { assess } from './assess';
import { caseInput, type Finding } from './inputs';
import { findTables } from './tables';

/**
 * What came of one workbook: its case evaluated (with the format warnings, and the simulation when
 * one was asked for), or the problems that stopped it.
 */
export type WorkbookAssessment =
  | { kind: 'evaluated'; sources: InputSources; read: InputsRead; result: CaseResult; simulation: Simulation | null; warnings: Finding[] }
  | { kind: 'problems'; findings: Finding[] };

/** How to assess a workbook with nobody to ask. */
export interface UnattendedOptions {
  /**
   * Simulate the ranged inputs with these trials and seed (SPEC §3.10), through simulateCase, so
   * the figures are Node's, Excel's and the workbench's for the same seed; absent: no simulation
   * beyond the one evaluateCase reports at its defaults.
   */
  simulation?: SimulationOptions;
}

/** The tables a case cannot be evaluated without. */
const REQUIRED: readonly TableName[] = ['Metrics', 'Costs'];

/** What each table looks like, for a person told that it was not found. */
const LOOKED_FOR: Record<string, string> = {
  Metrics: 'a table named Metrics, or a range whose header has Metric, Baseline and Target',
  Costs: 'a table named Costs, or a range whose header has Category and Pilot, One-time or Annual',
};

/**
 * Finds the tables and evaluates the case, with nobody to choose between candidates.
 *
 * @example
 *   const assessed = await assessUnattended(new XlsxWorkbook(workbook));
 *   if (assessed.kind === 'evaluated') assessed.result.verdict // 'NOT READY'
 *   const simulated = await assessUnattended(book, { simulation: { trials: 5000, seed: 7 } });
 *   if (simulated.kind === 'evaluated') simulated.simulation?.probabilityNpvNonNegative // as simulateCase gives it
 */
export async function assessUnattended(port: WorkbookPort, options: UnattendedOptions = {}): Promise<WorkbookAssessment> {
  const found = await findTables(port);
  const findings: Finding[] = [];
  for (const role of REQUIRED) {
    if (!found.sources[role]) findings.push(tableProblem(role, `no ${role} table found: expected ${LOOKED_FOR[role]}`));
    const rivals = rivalsOf(role, found.candidates[role], found.sources);
    if (rivals.length > 1) {
      findings.push(tableProblem(role, `${rivals.length} places could be the ${role} table (${rivals.map((c) => c.label).join('; ')}): name the one to use "${role}" (an Excel table name) or remove the others`));
    }
  }
  if (findings.length > 0) return { kind: 'problems', findings };
  const assessed = await assess(port, found.sources);
  if (assessed.kind === 'problems') return { kind: 'problems', findings: assessed.findings };
  let simulation: Simulation | null = null;
  if (options.simulation) {
    try {
      simulation = simulateCase(caseInput(assessed.read), options.simulation);
    } catch (error) {
      // Trials that the case's ranges make too many for one call: the engine says how many fit.
      if (error instanceof ModelError) return { kind: 'problems', findings: [tableProblem('Metrics', `not simulated: ${error.message}`)] };
      throw error;
    }
  }
  return { kind: 'evaluated', sources: found.sources, read: assessed.read, result: assessed.result, simulation, warnings: assessed.warnings };
}

/**
 * The candidates as strong as the one chosen: a table named for the role outranks header matches
 * and a table whose name only starts with it; among equals nothing says which one is meant.
 * Candidates chosen for another table are no rivals.
 */
function rivalsOf(role: TableName, candidates: readonly Candidate[], chosen: InputSources): Candidate[] {
  const elsewhere = new Set(
    Object.entries(chosen)
      .filter(([other, source]) => other !== role && source !== undefined)
      .map(([, source]) => sourceKey(source!)),
  );
  const open = candidates.filter((c) => !elsewhere.has(sourceKey(c.source)));
  if (open.length < 2) return [];
  const tier = (c: Candidate): number => (c.score >= NAME_SCORES.named ? 2 : c.score >= NAME_SCORES.prefixed ? 1 : 0);
  return open.filter((c) => tier(c) === tier(open[0]));
}

function tableProblem(table: TableName, message: string): Finding {
  return { severity: 'error', table, row: 0, column: '', message, where: null, cell: null };
}
