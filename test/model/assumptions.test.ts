import { defaultAssumptions, parseCurrency, readAssumptions } from '../../src/model/assumptions';
import { assumptionsGrid } from '../support/grids';

describe('Assumptions table (SPEC §2.5)', () => {
  it('has the defaults of §2.5', () => {
    const a = defaultAssumptions();
    expect(a).toMatchObject({
      discountRate: 0.1,
      horizonYears: 3,
      hurdleRoi: 0,
      maxPaybackMonths: 24,
      benefitRisk: 0.1,
      costRisk: 0,
      basis: 'evidence',
      ramp: [0.1, 0.5, 1],
      transitionMonths: null,
      integrations: 1,
      approvedBudget: null,
      expansionAlarm: 3,
      onTrackThreshold: 1,
      currency: 'USD',
    });
    expect(a.multipliers).toEqual({ model: 2, infrastructure: 3, security: 4, data: 3, integration: 3, operations: 4, change: 3, monitoring: 2 });
    expect(readAssumptions(undefined).assumptions).toEqual(a);
  });

  it('reads every assumption in the forms people type', () => {
    const { assumptions: a, problems, warnings } = readAssumptions(
      assumptionsGrid({
        'Discount rate': '8%',
        horizon: '5 years',
        'HURDLE ROI': 0.15,
        'Max payback': '2 years',
        'Benefit risk adjustment': '20%',
        'Cost risk adjustment': 0.05,
        'Benefit basis': 'Target',
        'Adoption ramp': '25%; 75%; 100%',
        'Transition months': 4,
        Integrations: 3,
        'Approved production budget': '$400k',
        'Expansion alarm': '4×',
        'On-track threshold': '90%',
        'Security and compliance multiplier': '5x',
        Currency: 'USD',
      }),
    );
    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
    expect(a).toMatchObject({
      discountRate: 0.08,
      horizonYears: 5,
      hurdleRoi: 0.15,
      maxPaybackMonths: 24,
      benefitRisk: 0.2,
      costRisk: 0.05,
      basis: 'target',
      ramp: [0.25, 0.75, 1],
      transitionMonths: 4,
      integrations: 3,
      approvedBudget: 400000,
      expansionAlarm: 4,
      onTrackThreshold: 0.9,
    });
    expect(a.multipliers.security).toBe(5);
    expect(a.multipliers.infrastructure).toBe(3);
  });

  it('reads Currency first, wherever it stands, since money depends on it', () => {
    const { assumptions, problems } = readAssumptions(assumptionsGrid({ 'Approved production budget': '€250k', Currency: 'EUR' }));
    expect(problems).toEqual([]);
    expect(assumptions.currency).toBe('EUR');
    expect(assumptions.approvedBudget).toBe(250000);
  });

  it('keeps defaults for blank values and warns about unknown and repeated names', () => {
    const { assumptions, problems, warnings } = readAssumptions([
      ['Name', 'Value'],
      ['Discount rate', null],
      ['Colour of the sky', 'blue'],
      ['Horizon', 4],
      ['Horizon', 6],
    ]);
    expect(problems).toEqual([]);
    expect(assumptions.discountRate).toBe(0.1);
    expect(assumptions.horizonYears).toBe(4);
    expect(warnings).toEqual([
      'Assumptions row 3: "Colour of the sky" is not an assumption Pilot Gate uses; it is ignored.',
      'Assumptions row 5: "Horizon" repeats row 4; row 4 is used.',
    ]);
  });

  it.each([
    ['Discount rate', 'N/A', /Discount rate|N\/A/],
    ['Horizon', '2.5 years', /whole number from 1 to 100/],
    ['Horizon', 0, /whole number from 1 to 100/],
    ['Benefit basis', 'hope', /expected "evidence" or "target"/],
    ['Adoption ramp', '10%, 150%', /quarter 2.*0% to 100%/],
    ['Transition months', '1.5', /whole number/],
    ['Transition months', 2.5, /Transition months: expected a whole number from 0 to 1200, got 2\.5/],
    ['Max payback', 2.5, /Max payback \(months\): expected a whole number from 0 to 1200, got 2\.5/],
    ['Max payback', '0.1 years', /whole number/],
    ['Benefit risk adjustment', '120%', /0% to 100%/],
    ['Currency', 'dollars', /ISO 4217/],
    ['Approved production budget', '€100k', /EUR|currency|USD/i],
  ])('%s = %p is a problem on its row and the Value column', (name, value, message) => {
    const { problems } = readAssumptions([
      ['Name', 'Value'],
      ['Hurdle ROI', '0%'],
      [name, value],
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ table: 'Assumptions', row: 3, column: 'Value' });
    expect(problems[0].message).toMatch(message);
  });

  it('reports a missing Value column on row 1', () => {
    const { problems } = readAssumptions([['Name'], ['Discount rate']]);
    expect(problems).toEqual([expect.objectContaining({ table: 'Assumptions', row: 1, column: 'Value' })]);
  });

  it('reads currencies as codes or symbols', () => {
    expect(parseCurrency('€')).toBe('EUR');
    expect(parseCurrency('gbp')).toBe('GBP');
    expect(parseCurrency('CHF')).toBe('CHF');
    expect(() => parseCurrency('chf')).toThrow(/ISO 4217/);
  });
});
