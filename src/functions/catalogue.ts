/**
 * The PILOT.* catalogue: each signature of signatures.ts with the short adapter that calls
 * the engine (the words about each function, declarations.ts, are not needed to run it, so the
 * shared runtime does without them). An adapter receives its arguments already read, typed from
 * its signature (a table as a Grid, `which` as one of its declared words), so the compiler checks
 * every name and kind. The Excel entry points and the HyperFormula plugin both run these entries through
 * runPilotFunction (runner.ts), which reads the arguments, catches every error and checks every
 * number on the way out.
 *
 * The functions over a whole case say what they give for an evaluated case (CASE_FIGURES), so
 * the output block can show the same figures as values without a formula engine.
 */
import { readAssumptions } from '../model/assumptions';
import { CaseInputError, ModelError } from '../model/errors';
import { readCosts } from '../model/costs';
import { evaluateReadiness } from '../model/readiness';
import { estimateTimeline } from '../model/timeline';
import type { CaseInput, CaseResult, Cell, Grid, TablePlace, TablePlaces, ThresholdKind } from '../model/types';
import { simulateCase } from '../model/case';
import { parseValue } from '../model/values';
import { expansionOf, paybackMonthsOf } from './amounts';
import type { CaseCache } from './cache';
import {
  PILOT_SIGNATURES,
  type FunctionSignature,
  type ParamSignature,
  type PilotFunctionId,
  type ResultKind,
  type SignatureOf,
  type SpillCell,
} from './signatures';
import { metricOf } from './one-metric';
import { actionsTable, cashflowTable, costLinesTable, simulationTable, summaryTable, tornadoTable } from './spills';

export type { ParamKind, PilotFunctionId, ResultKind, SpillCell } from './signatures';
export type { FigureKind } from './spills';

export type PilotValue = number | string | SpillCell[][];

/** A text or number argument as read: its declared default stands in when omitted, else it may be missing. */
type Given<P extends ParamSignature, T> = P extends { optional: false } ? T : P extends { default: string | number } ? T : T | undefined;

/** The value an argument is read as, from its declaration. */
export type ArgumentValue<P extends ParamSignature> = P['kind'] extends 'table' | 'range'
  ? Grid | undefined
  : P['kind'] extends 'place'
    ? TablePlace | undefined
    : P['kind'] extends 'cell'
    ? Cell
    : P['kind'] extends 'text'
      ? Given<P, P extends { choices: readonly (infer C extends string)[] } ? C : string>
      : Given<P, number>;

/** A function's arguments as its adapter receives them, by name. */
export type ArgumentsOf<D extends FunctionSignature> = { readonly [P in D['params'][number] as P['name']]: ArgumentValue<P> };

/** What a function of this result kind returns. */
export type ResultValue<K extends ResultKind> = K extends 'number' ? number : K extends 'text' ? string : K extends 'number or text' ? number | string : SpillCell[][];

/** What the adapters share: the case cache of the host they run in. */
export interface FunctionContext {
  readonly cases: CaseCache;
}

/** A declared function with the adapter that runs it on arguments read as declared. */
export interface PilotFunction extends FunctionSignature {
  readonly id: PilotFunctionId;
  readonly run: (args: Readonly<Record<string, unknown>>, context: FunctionContext) => PilotValue;
}

type Adapter<Id extends PilotFunctionId> = (args: ArgumentsOf<SignatureOf<Id>>, context: FunctionContext) => ResultValue<SignatureOf<Id>['result']>;

/** The tables of a case, as the case functions receive them (a function without readiness gets none), and where they are when given. */
interface CaseTables {
  readonly metrics?: Grid;
  readonly costs?: Grid;
  readonly readiness?: Grid;
  readonly ownership?: Grid;
  readonly assumptions?: Grid;
  readonly metricsAt?: TablePlace;
  readonly costsAt?: TablePlace;
  readonly readinessAt?: TablePlace;
  readonly ownershipAt?: TablePlace;
  readonly assumptionsAt?: TablePlace;
}

/** Where the tables are, from the place arguments given; undefined when none is. */
function placesOf(tables: CaseTables): TablePlaces | undefined {
  const given: [keyof TablePlaces, TablePlace | undefined][] = [
    ['Metrics', tables.metricsAt],
    ['Costs', tables.costsAt],
    ['Readiness', tables.readinessAt],
    ['Ownership', tables.ownershipAt],
    ['Assumptions', tables.assumptionsAt],
  ];
  const places: TablePlaces = {};
  for (const [table, place] of given) if (place !== undefined) places[table] = place;
  return Object.keys(places).length === 0 ? undefined : places;
}

/** The case the table arguments describe; a missing Metrics or Costs table is reported by the engine. */
function caseInput(tables: CaseTables): CaseInput {
  const places = placesOf(tables);
  return {
    metrics: tables.metrics ?? [],
    costs: tables.costs ?? [],
    readiness: tables.readiness,
    ownership: tables.ownership,
    assumptions: tables.assumptions,
    ...(places === undefined ? {} : { places }),
  };
}

function evaluated(tables: CaseTables, context: FunctionContext): CaseResult {
  return context.cases.evaluate(caseInput(tables));
}

const THRESHOLD_NEVER: Readonly<Record<ThresholdKind, string>> = {
  adoption: 'no adoption up to 100%',
  volume: 'no volume up to 100× the plan',
  cost: 'no production cost multiple down to 0',
  realization: 'no delivery up to 200% of the promised improvement',
};

/** IRR does not exist: say whether the flows never change sign or no rate solves them. */
function noIrr(result: CaseResult): ModelError {
  const nets = result.cashflows.map((f) => f.net);
  const signChange = nets.some((n) => n > 0) && nets.some((n) => n < 0);
  return new ModelError(
    '#NUM!',
    signChange
      ? 'IRR has no solution: no rate makes the NPV of the yearly net cash flows zero.'
      : 'IRR has no solution: the yearly net cash flows never change sign.',
  );
}

/** The functions whose value an evaluated case holds, with the arguments they take besides its tables. */
export type CaseFigureId = 'COSTLINES' | 'CASHFLOWS' | 'NPV' | 'IRR' | 'ROI' | 'THRESHOLD' | 'VERDICT' | 'REASONS' | 'ACTIONS' | 'TORNADO' | 'TIMELINE' | 'SUMMARY';
/** The parameters that say which case it is and where its tables are, rather than what to show of it. */
type CaseParam<D extends FunctionSignature> = Extract<D['params'][number], { kind: 'table' | 'place' }>['name'];
export type FigureOptions<Id extends CaseFigureId> = Omit<ArgumentsOf<SignatureOf<Id>>, CaseParam<SignatureOf<Id>>>;

/**
 * What each case function gives for an evaluated case: the figure, or the engine error its cell
 * shows. PILOT.TIMELINE reads only the readiness and assumptions, and the case's timeline is
 * computed from exactly those.
 */
export const CASE_FIGURES: { readonly [Id in CaseFigureId]: (result: CaseResult, options: FigureOptions<Id>) => ResultValue<SignatureOf<Id>['result']> } = {
  COSTLINES: (result) => costLinesTable(result.costs, result, result.assumptions.expansionAlarm),
  CASHFLOWS: (result) => cashflowTable(result),
  NPV: (result) => result.npv,
  IRR: (result) => {
    if (result.irr === null) throw noIrr(result);
    return result.irr;
  },
  ROI: (result) => {
    if (result.roi === null) throw new ModelError('#DIV/0!', 'ROI does not exist: PV costs is 0, so NPV alone decides.');
    return result.roi;
  },
  THRESHOLD: (result, { which }) => {
    const value = result.thresholds[which];
    if (value === 'never') throw new ModelError('#N/A', `never: ${THRESHOLD_NEVER[which]} makes NPV positive.`);
    // "always positive" and "did not converge" are words in the cell: Excel shows a #NUM!'s message nowhere, and the block's IFNA would read an #N/A as never.
    return value;
  },
  VERDICT: (result) => result.verdict,
  REASONS: (result) => result.reasons.map((reason) => [reason]),
  ACTIONS: (result) => actionsTable(result),
  TORNADO: (result) => tornadoTable(result.tornado),
  TIMELINE: (result) => [[result.timeline.low, result.timeline.high]],
  SUMMARY: (result) => summaryTable(result),
};

const ADAPTERS: { readonly [Id in PilotFunctionId]: Adapter<Id> } = {
  VALUE: ({ text, unit }) => parseValue(text, unit),
  GAPCLOSED: ({ baseline, target, pilot }) => {
    const metric = metricOf({ Baseline: baseline, Target: target, Pilot: pilot }, 'evidence');
    if (metric.gapClosed === null) throw new ModelError('#VALUE!', 'pilot: the cell is blank: expected the pilot result');
    return metric.gapClosed;
  },
  METRICVALUE: ({ baseline, target, volume, valuePerUnit, pilot, basis, unit }) => {
    const cells = { Baseline: baseline, Target: target, Pilot: pilot, Volume: volume, 'Value per unit': valuePerUnit, Unit: unit ?? null };
    const metric = metricOf(cells, basis);
    if (metric.annualValue === null) {
      throw new ModelError('#VALUE!', 'the metric has no money value: it is not measured in money and valuePerUnit is blank');
    }
    return metric.annualValue;
  },
  EXPANSION: ({ pilotCosts, productionCosts }) => expansionOf(pilotCosts, productionCosts),
  PAYBACK: ({ cashflows, periodsPerYear }) => paybackMonthsOf(cashflows, periodsPerYear),
  // The cost lines need the Costs and Assumptions tables alone, read as the case reads them.
  COSTLINES: ({ costs, assumptions }) => {
    const read = readAssumptions(assumptions);
    const lines = readCosts(costs ?? [], read.assumptions);
    const problems = [...read.problems, ...lines.problems];
    if (problems.length > 0) throw new CaseInputError(problems);
    return costLinesTable(lines.lines, lines, read.assumptions.expansionAlarm);
  },
  CASHFLOWS: (tables, context) => CASE_FIGURES.CASHFLOWS(evaluated(tables, context), {}),
  NPV: (tables, context) => CASE_FIGURES.NPV(evaluated(tables, context), {}),
  IRR: (tables, context) => CASE_FIGURES.IRR(evaluated(tables, context), {}),
  ROI: (tables, context) => CASE_FIGURES.ROI(evaluated(tables, context), {}),
  THRESHOLD: (args, context) => CASE_FIGURES.THRESHOLD(evaluated(args, context), args),
  READINESS: ({ readiness, ownership }) => {
    const gates = evaluateReadiness(readiness, ownership);
    if (gates.problems.length > 0) throw new CaseInputError(gates.problems);
    return gates.result.score;
  },
  VERDICT: (tables, context) => CASE_FIGURES.VERDICT(evaluated(tables, context), {}),
  REASONS: (tables, context) => CASE_FIGURES.REASONS(evaluated(tables, context), {}),
  ACTIONS: (tables, context) => CASE_FIGURES.ACTIONS(evaluated(tables, context), {}),
  SIMULATE: (args, context) => {
    // The case's own simulation, cached with it, serves the default trials and seed; any other asks for its own.
    const own = evaluated(args, context).simulation;
    const same = own !== null && own.trials === args.trials && own.seed === args.seed;
    return simulationTable(same ? own : simulateCase(caseInput(args), { trials: args.trials, seed: args.seed }));
  },
  TORNADO: (tables, context) => CASE_FIGURES.TORNADO(evaluated(tables, context), {}),
  TIMELINE: ({ readiness, assumptions }) => {
    const read = readAssumptions(assumptions);
    const gates = readiness === undefined ? null : evaluateReadiness(readiness, undefined);
    const problems = [...read.problems, ...(gates?.problems ?? [])];
    if (problems.length > 0) throw new CaseInputError(problems);
    const timeline = estimateTimeline(gates ? gates.result : null, read.assumptions.integrations);
    return [[timeline.low, timeline.high]];
  },
  SUMMARY: (tables, context) => CASE_FIGURES.SUMMARY(evaluated(tables, context), {}),
};

/**
 * A signature with its adapter. The runner reads each argument as the signature says
 * (arguments.ts), so the record it hands over has the shape ArgumentsOf promises the adapter.
 */
function entry<Id extends PilotFunctionId>(signature: SignatureOf<Id>): PilotFunction {
  const adapter = ADAPTERS[signature.id as Id] as (args: Readonly<Record<string, unknown>>, context: FunctionContext) => PilotValue;
  return { ...signature, run: adapter };
}

/** Every PILOT function of SPEC §4, in its order, ready to run. */
export const PILOT_FUNCTIONS: readonly PilotFunction[] = PILOT_SIGNATURES.map((signature) => entry(signature));

const BY_ID = new Map<string, PilotFunction>(PILOT_FUNCTIONS.map((f) => [f.id, f]));

/**
 * The catalogue entry of a function, by its id (`NPV`) or its name in a sheet (`PILOT.NPV`), in any case.
 *
 * @example
 *   pilotFunction('PILOT.npv')?.params.map((p) => p.name) // ['metrics', 'costs', 'assumptions']
 */
export function pilotFunction(name: string): PilotFunction | undefined {
  const id = name.trim().toUpperCase().replace(/^PILOT\./, '');
  return BY_ID.get(id);
}
