// Property tests over generated cases (fast-check): the invariants of SPEC §3 that hold for any input.
import fc from 'fast-check';
import { CaseInputError, checkCase, evaluateCase, type CaseInput, type Grid } from '../../src/model';
import { economics, type CashflowPlan } from '../../src/model/cashflow';
import { thresholds } from '../../src/model/thresholds';

const metricRow = fc.record({
  target: fc.integer({ min: 1, max: 500 }),
  pilotShare: fc.double({ min: -0.5, max: 1.5, noNaN: true }),
  rate: fc.integer({ min: 1, max: 200 }),
});
const costRow = fc.record({
  pilot: fc.integer({ min: 0, max: 100000 }),
  oneTime: fc.integer({ min: 0, max: 500000 }),
  annual: fc.integer({ min: 0, max: 1000000 }),
});
const caseArb = fc.record({
  metrics: fc.array(metricRow, { minLength: 1, maxLength: 5 }),
  costs: fc.array(costRow, { minLength: 1, maxLength: 4 }),
  gates: fc.array(fc.constantFrom('yes', 'no', 'partial'), { minLength: 8, maxLength: 8 }),
  transition: fc.integer({ min: 0, max: 12 }),
  ramp: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 4 }),
});
type Arb = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

const GATES = [
  'Executive sponsor',
  'Production data audited',
  'Infrastructure',
  'Integration path',
  'Ownership',
  'Success metrics in business terms',
  'Change management plan',
  'Workflow redesign',
];

function build(c: Arb, valueScale = 1, costScale = 1): CaseInput {
  const metrics: Grid = [['Metric', 'Baseline', 'Target', 'Pilot', 'Timeline', 'Unit', 'Value per unit']];
  c.metrics.forEach((m, i) => {
    metrics.push([`Hours saved ${i + 1}`, 0, m.target, m.target * m.pilotShare, 90, 'h/week', m.rate * valueScale]);
  });
  const costs: Grid = [['Category', 'Pilot', 'One-time', 'Annual']];
  c.costs.forEach((k, i) => costs.push([`Line ${i + 1}`, k.pilot, k.oneTime * costScale, k.annual * costScale]));
  const readiness: Grid = [['Gate', 'Status', 'Owner'], ...GATES.map((g, i) => [g, c.gates[i], 'Sam Lee'])];
  const assumptions: Grid = [
    ['Name', 'Value'],
    ['Transition months', c.transition],
    ['Adoption ramp', c.ramp.map((r) => `${r}%`).join(', ')],
  ];
  return { metrics, costs, readiness, assumptions };
}

const tolerance = (a: number, b: number): number => 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1);

describe('case properties', () => {
  it('more value per unit never lowers NPV', () => {
    fc.assert(
      fc.property(caseArb, fc.double({ min: 1, max: 10, noNaN: true }), (c, scale) => {
        const base = evaluateCase(build(c)).npv;
        const more = evaluateCase(build(c, scale)).npv;
        expect(more).toBeGreaterThanOrEqual(base - tolerance(base, more));
      }),
      { numRuns: 150 },
    );
  });

  it('higher costs never raise NPV', () => {
    fc.assert(
      fc.property(caseArb, fc.double({ min: 1, max: 10, noNaN: true }), (c, scale) => {
        const base = evaluateCase(build(c)).npv;
        const dearer = evaluateCase(build(c, 1, scale)).npv;
        expect(dearer).toBeLessThanOrEqual(base + tolerance(base, dearer));
      }),
      { numRuns: 150 },
    );
  });

  it('every verdict is one of the four and has at least one reason; no NaN or Infinity anywhere', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = evaluateCase(build(c));
        expect(['SCALE', 'PIVOT', 'KILL', 'NOT READY']).toContain(r.verdict);
        expect(r.reasons.length).toBeGreaterThan(0);
        const numbers = [r.npv, r.pvBenefits, r.pvCosts, r.bestCaseNpv, r.paybackMonths, r.roi, r.irr, ...r.cashflows.flatMap((y) => [y.benefits, y.costs, y.net, y.cumulative])];
        for (const n of numbers) if (n !== null) expect(Number.isFinite(n)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

const planArb = fc.record({
  annualBenefit: fc.double({ min: 0, max: 1e7, noNaN: true }),
  oneTime: fc.double({ min: 0, max: 1e7, noNaN: true }),
  annualRun: fc.double({ min: 0, max: 1e7, noNaN: true }),
  transitionMonths: fc.integer({ min: 0, max: 24 }),
  horizonYears: fc.integer({ min: 1, max: 10 }),
  ramp: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }),
  benefitRisk: fc.double({ min: 0, max: 0.9, noNaN: true }),
  costRisk: fc.double({ min: 0, max: 1, noNaN: true }),
});

describe('threshold properties', () => {
  it('each threshold, fed back in, gives NPV ~0', () => {
    fc.assert(
      fc.property(planArb, fc.double({ min: 0, max: 0.3, noNaN: true }), fc.double({ min: 1, max: 2, noNaN: true }), (plan: CashflowPlan, rate, lift) => {
        const target = plan.annualBenefit * lift;
        const t = thresholds({ plan, rate, annualBenefitTarget: target });
        const scale = Math.max(plan.annualBenefit, plan.oneTime, plan.annualRun) * plan.horizonYears * 10 + 1;
        const at = (p: CashflowPlan): number => economics(p, rate).npv;
        if (typeof t.volume === 'number') expect(Math.abs(at({ ...plan, annualBenefit: plan.annualBenefit * t.volume }))).toBeLessThan(1e-9 * scale);
        if (typeof t.cost === 'number') {
          const k = t.cost;
          expect(Math.abs(at({ ...plan, oneTime: plan.oneTime * k, annualRun: plan.annualRun * k }))).toBeLessThan(1e-9 * scale);
        }
        if (typeof t.realization === 'number') expect(Math.abs(at({ ...plan, annualBenefit: target * t.realization }))).toBeLessThan(1e-9 * scale);
        if (typeof t.adoption === 'number') {
          // SPEC §3.5: every ramp value capped at x up to the ramp's highest value; above it, the ramp scaled to top out at x.
          const x = t.adoption;
          const highest = Math.max(...plan.ramp);
          const ramp = x <= highest ? plan.ramp.map((v) => Math.min(v, x)) : highest > 0 ? plan.ramp.map((v) => (v / highest) * x) : [x];
          expect(Math.abs(at({ ...plan, ramp }))).toBeLessThan(1e-9 * scale);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('messy input', () => {
  // Pieces a pasted table is made of; any mix of them in any cell.
  const piece = fc.constantFrom('12', '0', '-3', '1,200', '1,5', '(500)', '4.2%', '$3.40', '€3', '3.40 USD', '2 h', '90 days', '12 weeks',
    'per year', '/week', 'docs/year', '$45/h', '$120 per error', 'h/week', '5 million', '$50k', 'm', 'N/A', 'tbd', '—', '', ' ', 'lower',
    'higher', 'yes', 'TBD', '1e16', 'kg', '%');
  const cell = fc.oneof(
    fc.array(piece, { minLength: 0, maxLength: 3 }).map((parts) => parts.join(' ')),
    fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
    fc.constant(null),
    fc.boolean(),
  );
  const HEADER = ['Metric', 'Baseline', 'Target', 'Pilot', 'Timeline', 'Unit', 'Direction', 'Volume', 'Value per unit'];

  it('checkCase never throws, and evaluateCase either evaluates or throws CaseInputError carrying those problems', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 8, maxLength: 8 }), { minLength: 1, maxLength: 4 }), (rows) => {
        const input: CaseInput = {
          metrics: [HEADER, ...rows.map((r, i) => [`Metric ${i + 1}`, ...r])],
          costs: [['Category', 'Pilot', 'Annual'], ['Infrastructure', 1000, 5000]],
        };
        const problems = checkCase(input);
        try {
          evaluateCase(input);
          expect(problems).toEqual([]);
        } catch (error) {
          expect(error).toBeInstanceOf(CaseInputError);
          expect((error as CaseInputError).problems).toEqual(problems);
        }
      }),
      { numRuns: 400 },
    );
  });
});
