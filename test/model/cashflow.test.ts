import { adoptionAt, adoptionMonthsByYear, economics, monthlyFlows, yearlyFlows, type CashflowPlan } from '../../src/model/cashflow';
import { threshold, thresholds } from '../../src/model/thresholds';
import { brentRoot } from '../../src/model/solve';

const plan: CashflowPlan = {
  annualBenefit: 1200,
  oneTime: 300,
  annualRun: 240,
  transitionMonths: 3,
  horizonYears: 2,
  ramp: [0.5, 1],
  benefitRisk: 0.25,
  costRisk: 0.5,
};

describe('monthly engine and yearly layout (SPEC §3.4)', () => {
  it('holds the last ramp value', () => {
    expect([0, 2, 3, 5, 6, 100].map((j) => adoptionAt([0.1, 0.5, 1], j))).toEqual([0.1, 0.1, 0.5, 0.5, 1, 1]);
    expect(adoptionMonthsByYear([0.1, 0.5, 1], 2)).toEqual([0.3 + 1.5 + 6, 12]);
  });

  it('spreads O over the transition months, then runs the fixed cost from go-live', () => {
    const months = monthlyFlows(plan);
    expect(months).toHaveLength(3 + 24);
    // O × (1 + cost risk) = 450 over 3 months
    expect(months.slice(0, 3).map((m) => m.cost)).toEqual([150, 150, 150]);
    expect(months.slice(0, 3).every((m) => m.benefit === 0)).toBe(true);
    // from go-live: run 240/12 × 1.5 = 30 a month; benefit 1200/12 × 0.75 × adoption
    expect(months[3]).toMatchObject({ month: 3, cost: 30, benefit: 37.5 });
    expect(months[6]).toMatchObject({ month: 6, cost: 30, benefit: 75 });
    expect(months[26].cumulative).toBeCloseTo(-450 + (3 * 37.5 + 21 * 75) - 24 * 30, 9);
  });

  it('puts all of O in month 0 when T = 0, and Year 0 still holds O alone', () => {
    const p = { ...plan, transitionMonths: 0 };
    const months = monthlyFlows(p);
    expect(months).toHaveLength(24);
    expect(months[0].cost).toBe(450 + 30);
    expect(months[0].benefit).toBe(37.5);
    const years = yearlyFlows(p);
    expect(years[0]).toEqual({ year: 0, benefits: 0, costs: 450, net: -450, cumulative: -450 });
    expect(years[1].costs).toBe(360);
    expect(years[1].benefits).toBeCloseTo(3 * 37.5 + 9 * 75, 9);
  });

  it('yearly rows sum the operating months whatever T is', () => {
    for (const T of [0, 1, 5, 11]) {
      const p = { ...plan, transitionMonths: T };
      const months = monthlyFlows(p);
      const years = yearlyFlows(p);
      for (let y = 1; y <= p.horizonYears; y++) {
        const slice = months.slice(T + 12 * (y - 1), T + 12 * y);
        const benefits = slice.reduce((s, m) => s + m.benefit, 0);
        expect(years[y].benefits).toBeCloseTo(benefits, 9);
      }
      // the monthly and yearly totals agree
      expect(months[months.length - 1].cumulative).toBeCloseTo(years[years.length - 1].cumulative, 9);
    }
  });

  it('gives ROI none and payback 0 when there are no costs', () => {
    const e = economics({ ...plan, oneTime: 0, annualRun: 0 }, 0.1);
    expect(e.roi).toBeNull();
    expect(e.paybackMonths).toBe(0);
    expect(e.irr).toBeNull();
  });
});

describe('scale thresholds (SPEC §3.5)', () => {
  const c = { plan, rate: 0.1, annualBenefitTarget: 1500 };

  it('each threshold, fed back in, gives NPV 0', () => {
    const t = thresholds(c);
    for (const kind of ['adoption', 'volume', 'cost', 'realization'] as const) expect(typeof t[kind]).toBe('number');
    const e = (p: CashflowPlan): number => economics(p, 0.1).npv;
    const x = t.adoption as number;
    expect(Math.abs(e({ ...plan, ramp: plan.ramp.map((v) => Math.min(v, x)) }))).toBeLessThan(1e-9);
    expect(Math.abs(e({ ...plan, annualBenefit: 1200 * (t.volume as number) }))).toBeLessThan(1e-9);
    const k = t.cost as number;
    expect(Math.abs(e({ ...plan, oneTime: 300 * k, annualRun: 240 * k }))).toBeLessThan(1e-9);
    expect(Math.abs(e({ ...plan, annualBenefit: 1500 * (t.realization as number) }))).toBeLessThan(1e-9);
  });

  it('says "always positive" or "never" when NPV keeps its sign over the range', () => {
    const free = { ...c, plan: { ...plan, oneTime: 0, annualRun: 0 } };
    expect(threshold('adoption', free)).toBe('always positive');
    expect(threshold('volume', free)).toBe('always positive');
    const hopeless = { ...c, plan: { ...plan, annualRun: 1e9 } };
    expect(threshold('adoption', hopeless)).toBe('never');
    expect(threshold('volume', hopeless)).toBe('never');
    expect(threshold('realization', hopeless)).toBe('never');
    const noBenefit = { ...c, plan: { ...plan, annualBenefit: 0 }, annualBenefitTarget: 0 };
    expect(threshold('cost', noBenefit)).toBe(0);
  });
});

describe('Brent root finder', () => {
  it('finds roots to full precision and refuses a non-bracket', () => {
    expect(brentRoot((x) => x * x - 2, 0, 2)).toBeCloseTo(Math.SQRT2, 12);
    expect(brentRoot((x) => Math.cos(x) - x, 0, 1)).toBeCloseTo(0.7390851332151607, 12);
    expect(brentRoot((x) => x * x + 1, -1, 1)).toBeNull();
    expect(brentRoot((x) => x - 3, 3, 5)).toBe(3);
  });
});
