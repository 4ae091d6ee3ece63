/**
 * The decision card planned from the engine's result: the four checks of SPEC §3.8 with their
 * figures and rules, the headline figures, the actions with their cells, the reasons grouped, and
 * the charts' data. Figures are pinned to SPEC §7's worked example.
 */
import { evaluateCase, sampleCase } from '../../src/model';
import { SAMPLE_COSTS, SAMPLE_METRICS } from '../../src/model/sample';
import { groupReasons, planCard } from '../../src/usecases/card';
import { createUseCases } from '../../src/usecases';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { readyCase, withRun } from '../support/cases';

const NOW = () => new Date(2025, 4, 1);

describe('planCard', () => {
  it('gives the sample of SPEC §7 its four checks, each with its figure and rule', () => {
    const card = planCard(evaluateCase(sampleCase()), null);
    expect(card.verdict).toBe('NOT READY');
    // SPEC §7: E yes (NPV 1,475,525.91, ROI 221.9%, payback 13.1 months of 24), P no, R no (3 blockers), B yes.
    expect(card.checks.map((c) => [c.label, c.passed])).toEqual([
      ['Economics', true],
      ['Proof', false],
      ['Readiness', false],
      ['Best case', true],
    ]);
    const economics = card.checks[0].parts.map((p) => p.text);
    expect(economics[0]).toBe('NPV $1,475,526 ≥ 0');
    expect(economics[1]).toMatch(/^ROI 221\.9% ≥ 0(\.0)?% hurdle$/);
    expect(economics[2]).toMatch(/^payback 13\.1 months ≤ 24(\.0)? months$/);
    // Error rate (97.3% of the gap) and Employee hours (80%) are unproven of the four money metrics.
    expect(card.checks[1].parts[0].text).toMatch(/^2 of 4 money metrics proven/);
    expect(card.checks[2].parts[0].text).toBe('3 blocking gates not passed');
    expect(card.checks[3].parts[0]).toEqual({ text: expect.stringMatching(/^best-case NPV \$2,013,218 ≥ 0$/), passed: true });
    expect(card.figures.map((f) => f.label)).toEqual(['NPV', 'ROI', 'Payback', 'Expansion']);
    // Expansion (O + R) / P = (0 + 381,000) / 120,000 = 3.175.
    expect(card.figures[3].value).toMatch(/^3\.1[78]5?×$/);
  });

  it('says which part of the economics fails, with the sign turned', () => {
    // The Operations line at 2,000,000 a year: NPV below 0, ROI below the hurdle, payback never.
    const card = planCard(evaluateCase(withRun(readyCase(), 2_000_000)), null);
    expect(card.verdict).toBe('KILL');
    expect(card.checks[0].passed).toBe(false);
    const [npv, roi, payback] = card.checks[0].parts;
    expect(npv).toEqual({ text: expect.stringMatching(/^NPV (−\$|\(\$)3,203,677\)? < 0$/), passed: false });
    expect(roi).toEqual({ text: expect.stringMatching(/^ROI −57\.8% < 0(\.0)?% hurdle$/), passed: false });
    expect(payback.passed).toBe(false);
    expect(payback.text).toBe('payback never (max 24.0 months)');
    expect(card.checks[3]).toMatchObject({ label: 'Best case', passed: false });
    expect(card.figures[2].value).toBe('never');
  });

  it('tells eight standard gates not assessed in one line, not eight', () => {
    const result = evaluateCase({ metrics: SAMPLE_METRICS, costs: SAMPLE_COSTS });
    const notAssessed = result.reasons.filter((r) => /blocks production: not assessed/.test(r));
    expect(notAssessed).toHaveLength(8);
    const card = planCard(result, null);
    const lines = card.reasons.map((g) => g.text);
    expect(lines.filter((l) => /not assessed/.test(l))).toEqual([expect.stringMatching(/^8 standard gates not assessed: Executive sponsor, .* and Workflow redesign\.$/)]);
    expect(card.reasons.find((g) => g.items.length > 1)?.items).toEqual(notAssessed);
    // Every reason is still there, once.
    expect(card.reasons.flatMap((g) => g.items)).toEqual(result.reasons);
  });

  it('groups three or more reasons of one shape, and leaves two alone', () => {
    expect(groupReasons(['Costs row 2 "A" is high.', 'Costs row 3 "B" is high.'])).toHaveLength(2);
    expect(groupReasons(['Costs row 2 "A" is high.', 'Other.', 'Costs row 3 "B" is high.', 'Costs row 9 "C" is high.'])).toEqual([
      { text: 'Costs row 2 "A" is high. (and 2 more like it: B and C)', items: ['Costs row 2 "A" is high.', 'Costs row 3 "B" is high.', 'Costs row 9 "C" is high.'] },
      { text: 'Other.', items: ['Other.'] },
    ]);
  });

  it('points each action at its cell, and Evaluate hands the card over', async () => {
    const book = new MemoryWorkbook({ sheets: ['Start'] });
    const useCases = createUseCases({ port: book, now: NOW });
    const { sources } = await useCases.insertTemplate();
    const evaluation = await useCases.evaluate(sources);
    if (evaluation.kind !== 'written') throw new Error(`expected the block written, got ${evaluation.kind}`);
    const { actions } = evaluation.card;
    // SPEC §7's sample: "Production data audited" (Readiness row 3) is partial, its Status in column B.
    expect(actions[0]).toMatchObject({ source: 'Readiness row 3, Status', cell: 'Readiness!B3', owner: 'Priya Raman' });
    expect(actions[0].where).toEqual({ sheet: 'Readiness', row: 2, column: 1, rows: 1, columns: 1 });
    // "Workflow redesign" has no owner: the Owner cell (column C) of row 9.
    expect(actions.find((a) => /Workflow redesign/.test(a.action))).toMatchObject({ cell: 'Readiness!C9', owner: null });
    // The disclosure points at the whole Operations and support row of Costs.
    expect(actions.find((a) => /^Disclose/.test(a.action))).toMatchObject({ source: 'Costs row 7', cell: 'Costs!A7' });
  });

  it('plans the charts from the result: cash flows, costs against the alarm, thresholds against the plan', () => {
    const result = evaluateCase(sampleCase());
    const { cashflows, costs, thresholds } = planCard(result, null).charts;
    // SPEC §7: year 0 is −190,000 of one-time costs.
    expect(cashflows.years).toEqual(['Year 0', 'Year 1', 'Year 2', 'Year 3']);
    expect(cashflows.net[0]).toBe(-190000);
    expect(cashflows.cumulative[3]).toBeCloseTo(cashflows.net.reduce((a, b) => a + b, 0), 6);
    // Operations and support: pilot 5,000, production 0 + 40,000, alarm 3 × 5,000.
    const ops = costs.categories.indexOf('Operations and support');
    expect([costs.pilot[ops], costs.production[ops], costs.alarm[ops]]).toEqual([5000, 40000, 15000]);
    // SPEC §7's thresholds: adoption 28.81% of a ramp that reaches 100%, volume 0.311× the plan.
    expect(thresholds.kinds).toEqual(['Adoption', 'Volume', 'Cost', 'Realization']);
    expect(thresholds.breakEven[0]).toBeCloseTo(28.81, 2);
    expect(thresholds.breakEven[1]).toBeCloseTo(31.07, 2);
    expect(cashflows.description).toMatch(/^Yearly cash flows.*Year 0 net (−\$|\(\$)190,000/);
    expect(costs.description).toMatch(/Operations and support pilot \$5,000, production \$40,000/);
  });

  it('draws no bar for a threshold that is not in range, and says so', () => {
    // PIVOT at 800,000 a year: no adoption up to 100% pays (SPEC §3.5 'never').
    const { thresholds } = planCard(evaluateCase(withRun(readyCase(), 800_000)), null).charts;
    expect(thresholds.breakEven[0]).toBeNull();
    expect(thresholds.labels[0]).toBe('Adoption: no break-even in range');
  });
});
