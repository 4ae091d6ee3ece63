/**
 * The shapes of Pilot Gate's engine (SPEC §5). Amounts are plain floats in the case's
 * currency, rates are fractions, durations say their unit in their type's name.
 */

/** A cell's value as Excel hands it to a custom function (blank cells arrive as null or ""). */
export type Cell = string | number | boolean | null;
/** A table or range: the first row is the header. */
export type Grid = Cell[][];

/** Money in the case's currency. */
export type Money = number;
/** A share: 0.25 is 25 %. */
export type Fraction = number;
/** A duration in months (1 year = 12 months = 365.25 days). */
export type Months = number;

export interface CaseInput {
  metrics: Grid;
  costs: Grid;
  readiness?: Grid;
  ownership?: Grid;
  assumptions?: Grid;
  /**
   * Where each table's header row starts in the workbook, when the caller knows: the reasons and
   * actions then name the sheet cell (`Costs!A14`) beside the table row. Absent, they name rows only.
   */
  places?: TablePlaces;
}

/** The top-left cell of a table's header row: its sheet and 0-based row and column. */
export interface TablePlace {
  sheet: string;
  row: number;
  column: number;
}

/** Where the tables of a case are, by table. */
export type TablePlaces = Partial<Record<TableName, TablePlace>>;

/** One thing wrong with the input. `row` 1 is the header row; `column` is SPEC §2's canonical name. */
export interface Problem {
  table: TableName;
  row: number;
  column: string;
  message: string;
}

export type TableName = 'Metrics' | 'Costs' | 'Readiness' | 'Ownership' | 'Assumptions';

export type Direction = 'lower' | 'higher';
export type Basis = 'evidence' | 'target';
export type Verdict = 'SCALE' | 'PIVOT' | 'KILL' | 'NOT READY';
export type TimelineCase = 'best' | 'typical' | 'complex';
/**
 * A scale threshold (SPEC §3.5): the solved value, or the reason there is none; `did not converge`
 * when the solver stopped at its iteration limit (a figure, not a fault of the input).
 */
export type Threshold = number | 'always positive' | 'never' | 'did not converge';
export type ThresholdKind = 'adoption' | 'volume' | 'cost' | 'realization';

/** The standard cost categories of SPEC §2.2, by key. */
export type StandardCategory =
  | 'model'
  | 'infrastructure'
  | 'security'
  | 'data'
  | 'integration'
  | 'operations'
  | 'change'
  | 'monitoring';

/** SPEC §2.5, resolved: every field has its default filled in. */
export interface Assumptions {
  discountRate: Fraction;
  horizonYears: number;
  hurdleRoi: Fraction;
  maxPaybackMonths: Months;
  benefitRisk: Fraction;
  costRisk: Fraction;
  basis: Basis;
  ramp: Fraction[];
  /** null: not given, taken from the timeline estimate (SPEC §3.7). */
  transitionMonths: Months | null;
  integrations: number;
  approvedBudget: Money | null;
  expansionAlarm: number;
  onTrackThreshold: Fraction;
  currency: string;
  multipliers: Record<StandardCategory, number>;
}

/** One metric of the Metrics table, evaluated (SPEC §3.2). */
export interface MetricResult {
  name: string;
  /** Row in the Metrics table (1 = header). */
  row: number;
  direction: Direction;
  /** Δ = improvement promised, in the baseline's unit; percentages as fractions. */
  improvement: number;
  /** The unit `improvement` is in, as written for people ("min", "USD", "h/week"; "" for counts and %). */
  unit: string;
  /** g = (b − p) / (b − t); null without a pilot figure. */
  gapClosed: number | null;
  proven: boolean;
  /** A per year under the case's basis; null when the metric is non-monetary. */
  annualValue: Money | null;
  /** A per year under basis `target` (the promised improvement); null when non-monetary. */
  annualValueTarget: Money | null;
  hasPilot: boolean;
  /** Days after go-live to reach target; null when the Timeline cell is blank. */
  timelineDays: number | null;
}

/** One row of the Costs table, resolved (SPEC §3.3). */
export interface CostLine {
  category: string;
  row: number;
  standard: StandardCategory | null;
  pilot: Money;
  oneTime: Money;
  annual: Money;
  /** True when `annual` is Pilot × Multiplier, an estimate. */
  estimated: boolean;
  multiplier: number | null;
}

export interface YearFlow {
  /** 0 is the initial year (one-time cost only). */
  year: number;
  benefits: Money;
  costs: Money;
  net: Money;
  cumulative: Money;
}

export interface MonthFlow {
  month: number;
  benefit: Money;
  cost: Money;
  net: Money;
  cumulative: Money;
}

export interface GateResult {
  /** The standard gate's name, or the custom gate's text. */
  gate: string;
  /** Row in the Readiness table; null when the gate is missing from it. */
  row: number | null;
  standard: boolean;
  blocking: boolean;
  /** 0–1 after the owner rule (no named owner scores 0). */
  score: Fraction;
  passes: boolean;
  owner: string | null;
  evidence: string;
  /** Why it does not pass, for people ("not assessed", "no named owner", a RACI gap …); "" when it passes. */
  note: string;
}

export interface ReadinessResult {
  /** The lowest score among blocking gates; 1 when every blocking gate passes. */
  score: Fraction;
  /** Mean score over all gates. */
  progress: Fraction;
  /** Blocking gates that do not pass, in SPEC §2.3's order. */
  blockers: string[];
  /** The stuck-pilot patterns of SPEC §3.6 that fire. */
  patterns: string[];
  gates: GateResult[];
}

export interface TimelineResult {
  low: Months;
  high: Months;
  case: TimelineCase;
}

export interface Thresholds {
  adoption: Threshold;
  volume: Threshold;
  cost: Threshold;
  realization: Threshold;
}

export interface VerdictChecks {
  economics: boolean;
  proof: boolean;
  ready: boolean;
  bestCase: boolean;
}

/** The rule of SPEC §3.9 an action comes from. */
export type ActionRule =
  /** A blocking gate that does not pass: get it to done (or name its owner). */
  | 'gate'
  /** A standard blocking gate missing from the Readiness table: assess it. */
  | 'assess'
  /** An unproven monetary metric: prove it in the pilot, or accept the risk. */
  | 'prove'
  /** A stuck-pilot pattern of SPEC §3.6, with its intervention. */
  | 'pattern'
  /** Expansion at or above the alarm: disclose the production cost now. */
  | 'disclose'
  /** PIVOT: a scale threshold of SPEC §3.5, as a target. */
  | 'threshold'
  /** PIVOT with NPV ≥ 0: the payback or ROI that fails. */
  | 'economics'
  /** KILL: what would have to be true for it to pay, and that the resources go elsewhere. */
  | 'kill';

/** One thing that must be true first (SPEC §3.9), with who owns it and where it comes from. */
export interface Action {
  rule: ActionRule;
  /** The next step, with its figures, for people. */
  action: string;
  /** The named person who owns it (a Readiness gate's owner); null when nobody is named. */
  owner: string | null;
  /** The table it comes from. */
  table: TableName;
  /** Its row (1 = the header, for a whole table or column); null when the thing is missing from the table. */
  row: number | null;
  /** The canonical column (SPEC §2) of the cell it points at; null for the whole row. */
  column: string | null;
  /** The sheet cell (`Readiness!B4`) when the case knows where its tables are (CaseInput.places): null when the thing has no row; else absent. */
  cell?: string | null;
}

/** NPV over the trials of a simulation (SPEC §3.10): percentiles as Excel's PERCENTILE.INC, and the mean. */
export interface NpvDistribution {
  p10: Money;
  p50: Money;
  p90: Money;
  mean: Money;
}

/** A Monte Carlo simulation of the ranged inputs (SPEC §3.10, §5). */
export interface Simulation {
  trials: number;
  seed: number;
  npv: NpvDistribution;
  /** The share of trials with NPV ≥ 0. */
  probabilityNpvNonNegative: Fraction;
  /** The share of trials whose payback exists and is within Max payback. */
  probabilityPaybackWithinMax: Fraction;
}

export interface SimulationOptions {
  /** Whole number from 1 to 100,000; 10,000 when not given. */
  trials?: number;
  /** Whole number from 0 to 2^53 − 1; 1 when not given. The same seed gives the same figures on every platform. */
  seed?: number;
}

/** One bar of the tornado (SPEC §3.10): NPV with one ranged input at its Low and at its High, every other input at its most likely. */
export interface TornadoBar {
  table: 'Metrics' | 'Costs';
  row: number;
  /** The metric's name or the cost's category. */
  label: string;
  npvLow: Money;
  npvHigh: Money;
  /** |npvHigh − npvLow|. */
  swing: Money;
}

export interface CaseResult {
  verdict: Verdict;
  /** Short sentences with figures, most decisive first. */
  reasons: string[];
  npv: Money;
  irr: Fraction | null;
  /** null when PV costs is 0 (#DIV/0!). */
  roi: Fraction | null;
  paybackMonths: Months | null;
  pvBenefits: Money;
  pvCosts: Money;
  /** (O + R) / P; null when the pilot cost is 0. */
  expansion: number | null;
  budgetVariance: number | null;
  pilotTotal: Money;
  oneTime: Money;
  annualRun: Money;
  bestCaseNpv: Money;
  cashflows: YearFlow[];
  monthly: MonthFlow[];
  thresholds: Thresholds;
  readiness: ReadinessResult;
  timeline: TimelineResult;
  transitionMonths: Months;
  metrics: MetricResult[];
  costs: CostLine[];
  assumptions: Assumptions;
  checks: VerdictChecks;
  /** What must be true first (SPEC §3.9), most decisive first; none for SCALE. */
  actions: Action[];
  /**
   * The simulation of the ranged inputs at the default trials and seed (SPEC §3.10); with no
   * ranges, the point estimate (`tornado` is then empty); null when the case has too many ranges
   * to simulate within a second (a warning says so).
   */
  simulation: Simulation | null;
  /** The tornado of the ranged inputs, largest NPV swing first (SPEC §3.10); [] when the case has none. */
  tornado: TornadoBar[];
  warnings: string[];
}
