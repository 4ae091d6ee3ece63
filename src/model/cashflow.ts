import { irr, npv, paybackPeriods } from './finance';
import type { Assumptions, Fraction, Money, MonthFlow, Months, YearFlow } from './types';

/** Everything the monthly engine of SPEC §3.4 needs, in the case currency, before risk adjustments. */
export interface CashflowPlan {
  /** ΣA: the metrics' annual value at full adoption. */
  annualBenefit: Money;
  /** O: production one-time cost. */
  oneTime: Money;
  /** R: production running cost per year, fixed once live. */
  annualRun: Money;
  transitionMonths: Months;
  horizonYears: number;
  /** Share of full volume in each quarter after go-live; the last value is held. */
  ramp: Fraction[];
  benefitRisk: Fraction;
  costRisk: Fraction;
}

/**
 * The plan of a case: its benefits and costs under its assumptions.
 *
 * @example
 *   casePlan({ annualBenefit: 1096685.71, oneTime: 190000, annualRun: 191000 }, 5, defaultAssumptions()).ramp // [0.1, 0.5, 1]
 */
export function casePlan(
  figures: { annualBenefit: Money; oneTime: Money; annualRun: Money },
  transitionMonths: Months,
  a: Assumptions,
): CashflowPlan {
  return {
    annualBenefit: figures.annualBenefit,
    oneTime: figures.oneTime,
    annualRun: figures.annualRun,
    transitionMonths,
    horizonYears: a.horizonYears,
    ramp: a.ramp,
    benefitRisk: a.benefitRisk,
    costRisk: a.costRisk,
  };
}

export interface Economics {
  cashflows: YearFlow[];
  monthly: MonthFlow[];
  npv: Money;
  pvBenefits: Money;
  pvCosts: Money;
  /** null when PV costs is 0. */
  roi: Fraction | null;
  irr: Fraction | null;
  /** null when the cumulative is still negative at the last month. */
  paybackMonths: Months | null;
}

/**
 * Adoption in the j-th month after go-live (j ≥ 0): ramp[min(⌊j / 3⌋, last)].
 *
 * @example
 *   adoptionAt([0.1, 0.5, 1], 4) // 0.5
 */
export function adoptionAt(ramp: Fraction[], monthsLive: number): Fraction {
  return ramp[Math.min(Math.floor(monthsLive / 3), ramp.length - 1)];
}

/**
 * The sum of adoption over each operating year y = 1 … horizon (months 12(y − 1) … 12y − 1 after
 * go-live). A year's benefit is ΣA / 12 × (1 − benefit risk) × this sum.
 *
 * @example
 *   adoptionMonthsByYear([0.1, 0.5, 1], 2) // [7.8, 12]
 */
export function adoptionMonthsByYear(ramp: Fraction[], horizonYears: number): number[] {
  const years: number[] = [];
  for (let y = 0; y < horizonYears; y++) {
    let sum = 0;
    for (let j = 12 * y; j < 12 * y + 12; j++) sum += adoptionAt(ramp, j);
    years.push(sum);
  }
  return years;
}

/**
 * The yearly rows of SPEC §3.4, laid out like a Forrester TEI table: Year 0 holds the one-time
 * cost alone; Year y sums the operating months after go-live.
 *
 * @example
 *   yearlyFlows({ annualBenefit: 120, oneTime: 50, annualRun: 12, transitionMonths: 3, horizonYears: 1,
 *                 ramp: [1], benefitRisk: 0, costRisk: 0 })
 *   // [{ year: 0, benefits: 0, costs: 50, net: -50, cumulative: -50 },
 *   //  { year: 1, benefits: 120, costs: 12, net: 108, cumulative: 58 }]
 */
export function yearlyFlows(plan: CashflowPlan): YearFlow[] {
  const monthlyBenefit = (plan.annualBenefit / 12) * (1 - plan.benefitRisk);
  const run = plan.annualRun * (1 + plan.costRisk);
  const initial = plan.oneTime * (1 + plan.costRisk);
  // 0 − initial, not −initial: with no one-time cost that is 0, where −initial is −0.
  const rows: YearFlow[] = [{ year: 0, benefits: 0, costs: initial, net: 0 - initial, cumulative: 0 - initial }];
  adoptionMonthsByYear(plan.ramp, plan.horizonYears).forEach((adoptionMonths, i) => {
    const benefits = monthlyBenefit * adoptionMonths;
    const net = benefits - run;
    rows.push({ year: i + 1, benefits, costs: run, net, cumulative: rows[i].cumulative + net });
  });
  return rows;
}

/**
 * The monthly engine of SPEC §3.4: month 0 is the decision, go-live is month T, benefits run
 * for months T … T + 12·horizon − 1. O is spread evenly over the transition months (all in
 * month 0 when T = 0); the run cost is fixed from go-live on.
 *
 * @example
 *   monthlyFlows({ annualBenefit: 120, oneTime: 50, annualRun: 12, transitionMonths: 2, horizonYears: 1,
 *                  ramp: [1], benefitRisk: 0, costRisk: 0 })[0].net // -25
 */
export function monthlyFlows(plan: CashflowPlan): MonthFlow[] {
  const T = plan.transitionMonths;
  const monthlyBenefit = (plan.annualBenefit / 12) * (1 - plan.benefitRisk);
  const monthlyRun = (plan.annualRun / 12) * (1 + plan.costRisk);
  const initial = plan.oneTime * (1 + plan.costRisk);
  const months: MonthFlow[] = [];
  let cumulative = 0;
  for (let m = 0; m < T + 12 * plan.horizonYears; m++) {
    let cost = T === 0 ? (m === 0 ? initial : 0) : m < T ? initial / T : 0;
    let benefit = 0;
    if (m >= T) {
      benefit = monthlyBenefit * adoptionAt(plan.ramp, m - T);
      cost += monthlyRun;
    }
    const net = benefit - cost;
    cumulative += net;
    months.push({ month: m, benefit, cost, net, cumulative });
  }
  return months;
}

/**
 * NPV of the yearly net row, exactly Excel's `=CF0 + NPV(rate, CF1:CFn)` (SPEC §3.4).
 *
 * @example
 *   yearlyNpv([-100, 110], 0.1) // 0
 */
export function yearlyNpv(net: number[], rate: Fraction): Money {
  return net[0] + npv(rate, net.slice(1));
}

/**
 * The case's NPV alone, for the threshold solvers.
 *
 * @example
 *   planNpv({ annualBenefit: 0, oneTime: 100, annualRun: 0, transitionMonths: 0, horizonYears: 1,
 *             ramp: [1], benefitRisk: 0, costRisk: 0 }, 0.1) // -100
 */
export function planNpv(plan: CashflowPlan, rate: Fraction): Money {
  return yearlyNpv(
    yearlyFlows(plan).map((y) => y.net),
    rate,
  );
}

/**
 * Every figure of SPEC §3.4 for one plan: yearly and monthly rows, NPV, PV benefits and costs,
 * ROI, IRR and payback.
 *
 * @example
 *   economics(plan, 0.1).npv === yearlyNpv(economics(plan, 0.1).cashflows.map((y) => y.net), 0.1) // true
 */
export function economics(plan: CashflowPlan, rate: Fraction): Economics {
  const cashflows = yearlyFlows(plan);
  const monthly = monthlyFlows(plan);
  const pvBenefits = yearlyNpv(
    cashflows.map((y) => y.benefits),
    rate,
  );
  const pvCosts = yearlyNpv(
    cashflows.map((y) => y.costs),
    rate,
  );
  const net = cashflows.map((y) => y.net);
  const payback = paybackPeriods(monthly.map((m) => m.net));
  return {
    cashflows,
    monthly,
    npv: yearlyNpv(net, rate),
    pvBenefits,
    pvCosts,
    roi: pvCosts > 0 ? (pvBenefits - pvCosts) / pvCosts : null,
    irr: irr(net, 0.1),
    paybackMonths: payback,
  };
}
