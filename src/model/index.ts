/**
 * Pilot Gate's engine (SPEC §5): pure TypeScript, no Office, React or DOM. The custom
 * functions, the task pane and the command line all call this module.
 */
export { checkCase, evaluateCase, prepareCase, evaluatePrepared, simulateCase, simulationSetup, startSimulation, tornadoCase, type PreparedCase } from './case';
export { DEFAULT_SEED, DEFAULT_TRIALS, MAX_TRIALS, startPlannedSimulation, type PlannedSimulation, type SimulationRun } from './simulate';
export { CaseInputError, ModelError, type ErrorCode } from './errors';
export { npv, irr, paybackPeriods } from './finance';
export { parseValue } from './values';
export { sampleCase, SAMPLE_METRICS, SAMPLE_COSTS, SAMPLE_READINESS, SAMPLE_OWNERSHIP, SAMPLE_ASSUMPTIONS } from './sample';
export { readTable, METRICS, COSTS, READINESS, ASSUMPTIONS, normalizeName, isBlank } from './tables';
export type * from './types';
