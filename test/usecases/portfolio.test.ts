import { evaluateCase, sampleCase } from '../../src/model';
import { pilotRow, portfolio, type PilotRow } from '../../src/usecases';
import { readyCase, withRun } from '../support/cases';

const row = (name: string, verdict: PilotRow['verdict'], npv: number, currency = 'USD', oneTime = 100, annualRun = 50): PilotRow => ({
  name,
  verdict,
  npv,
  roi: null,
  paybackMonths: null,
  expansion: null,
  blockers: [],
  oneTime,
  annualRun,
  currency,
  simulation: null,
});

describe('a portfolio of pilots', () => {
  it('ranks by verdict (SCALE, NOT READY, PIVOT, KILL), then NPV from highest, then name', () => {
    const ranked = portfolio([
      row('k', 'KILL', 500),
      row('p', 'PIVOT', -10),
      row('n2', 'NOT READY', 10),
      row('s', 'SCALE', 1),
      row('n1', 'NOT READY', 10),
      row('n3', 'NOT READY', 900),
    ]).ranked.map((r) => r.name);
    expect(ranked).toEqual(['s', 'n3', 'n1', 'n2', 'p', 'k']);
  });

  it('totals NPV at stake and production cost per verdict and per currency, never adding one currency to another', () => {
    const { totals } = portfolio([row('a', 'SCALE', 100), row('b', 'SCALE', 50, 'EUR', 10, 5), row('c', 'KILL', -30), row('d', 'SCALE', 25)]);
    expect(totals.map((t) => [t.currency, t.pilots, t.byVerdict.SCALE.npv, t.byVerdict.SCALE.pilots, t.byVerdict.KILL.npv, t.productionCost])).toEqual([
      ['USD', 3, 125, 2, -30, 450],
      ['EUR', 1, 50, 1, 0, 15],
    ]);
  });

  it("takes a pilot's row from its evaluated case: SPEC §7's sample is NOT READY with three blockers", () => {
    const r = pilotRow('sample.xlsx', evaluateCase(sampleCase()));
    expect([r.verdict, r.npv, r.oneTime, r.annualRun, r.currency, r.blockers]).toEqual([
      'NOT READY',
      expect.closeTo(1475525.91, 2),
      190000,
      191000,
      'USD',
      ['Production data audited', 'Change management plan', 'Workflow redesign'],
    ]);
    expect(pilotRow('kill.xlsx', evaluateCase(withRun(readyCase(), 2000000))).verdict).toBe('KILL');
  });
});
