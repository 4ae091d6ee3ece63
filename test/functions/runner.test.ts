import { CaseCache } from '../../src/functions/cache';
import { PILOT_FUNCTIONS, pilotFunction } from '../../src/functions/catalogue';
import { NOT_FINITE_TEXT, runPilotFunction, type PilotOutcome } from '../../src/functions/runner';
import { evaluateCase, sampleCase, type CaseResult } from '../../src/model';

const s = sampleCase();
const real = evaluateCase(s);

/** A context whose every case evaluates to `result`: the runner's checks are what is under test. */
function contextGiving(result: CaseResult) {
  return { cases: new CaseCache({ evaluate: () => result }) };
}

function failure(outcome: PilotOutcome) {
  expect(outcome.ok).toBe(false);
  return outcome.ok ? null : outcome.error;
}

describe('runPilotFunction', () => {
  it('knows the eighteen functions of SPEC §4 and PILOT.COSTLINES beside PILOT.EXPANSION, by id or by sheet name in any case', () => {
    expect(PILOT_FUNCTIONS.map((f) => f.id)).toEqual([
      'VALUE', 'GAPCLOSED', 'METRICVALUE', 'EXPANSION', 'COSTLINES', 'PAYBACK', 'CASHFLOWS', 'NPV', 'IRR', 'ROI',
      'THRESHOLD', 'READINESS', 'VERDICT', 'REASONS', 'ACTIONS', 'SIMULATE', 'TORNADO', 'TIMELINE', 'SUMMARY',
    ]);
    expect(pilotFunction('pilot.Npv')?.id).toBe('NPV');
    expect(failure(runPilotFunction('SQRT', [4], contextGiving(real)))).toMatchObject({ code: '#VALUE!', message: 'There is no function PILOT.SQRT.' });
  });

  it('refuses more arguments than the function takes', () => {
    expect(failure(runPilotFunction('VALUE', ['1', 'min', 'extra'], contextGiving(real)))?.message).toBe('PILOT.VALUE takes at most 2 arguments; got 3.');
  });

  it('turns a non-finite result into #VALUE! with a message (Excel shows the message of a #VALUE! only) and -0 into 0', () => {
    expect(failure(runPilotFunction('NPV', [s.metrics, s.costs], contextGiving({ ...real, npv: NaN })))).toMatchObject({ code: '#VALUE!', message: "PILOT.NPV's result is not a finite number (NaN)." });
    expect(failure(runPilotFunction('ROI', [s.metrics, s.costs], contextGiving({ ...real, roi: Infinity })))).toMatchObject({ code: '#VALUE!' });
    const zero = runPilotFunction('NPV', [s.metrics, s.costs], contextGiving({ ...real, npv: -0 }));
    expect(zero.ok && Object.is(zero.value, 0)).toBe(true);
  });

  it('checks every number inside a spill: one that is not finite reads as text in its own cell, the others stay', () => {
    const cashflows = real.cashflows.map((f, i) => (i === 2 ? { ...f, net: -Infinity } : { ...f, costs: -0 }));
    const outcome = runPilotFunction('CASHFLOWS', [s.metrics, s.costs], contextGiving({ ...real, cashflows }));
    const net = outcome.ok ? (outcome.value as (string | number)[][])[3] : [];
    expect(net).toEqual(['Net', real.cashflows[0].net, real.cashflows[1].net, NOT_FINITE_TEXT, real.cashflows[3].net]);
    const clean = runPilotFunction('CASHFLOWS', [s.metrics, s.costs], contextGiving({ ...real, cashflows: real.cashflows.map((f) => ({ ...f, costs: -0 })) }));
    expect(clean.ok && (clean.value as (string | number)[][])[2].slice(1).every((x) => Object.is(x, 0))).toBe(true);
  });

  it('gives the engine’s #NUM!, #DIV/0! and #N/A for figures that do not exist', () => {
    const flat = real.cashflows.map((f) => ({ ...f, net: 5 }));
    expect(failure(runPilotFunction('IRR', [s.metrics, s.costs], contextGiving({ ...real, irr: null, cashflows: flat })))).toMatchObject({
      code: '#NUM!',
      message: 'IRR has no solution: the yearly net cash flows never change sign.',
    });
    expect(failure(runPilotFunction('ROI', [s.metrics, s.costs], contextGiving({ ...real, roi: null })))).toMatchObject({ code: '#DIV/0!' });
    const thresholds = { ...real.thresholds, volume: 'never' as const };
    expect(failure(runPilotFunction('THRESHOLD', [s.metrics, s.costs, 'volume'], contextGiving({ ...real, thresholds })))).toMatchObject({
      code: '#N/A',
      message: 'never: no volume up to 100× the plan makes NPV positive.',
    });
  });

  it('shows a defect (an error that is not the engine’s) as #VALUE! that says so, never an exception', () => {
    const cases = new CaseCache({
      evaluate: () => {
        throw new RangeError('out of range');
      },
    });
    expect(failure(runPilotFunction('VERDICT', [s.metrics, s.costs, s.readiness], { cases }))).toMatchObject({
      code: '#VALUE!',
      message: 'Unexpected error in PILOT.VERDICT: out of range',
    });
  });

  it('flags a result of the wrong kind as a defect', () => {
    const outcome = runPilotFunction('VERDICT', [s.metrics, s.costs, s.readiness], contextGiving({ ...real, verdict: 42 as unknown as CaseResult['verdict'] }));
    expect(failure(outcome)?.message).toBe('Unexpected error in PILOT.VERDICT: expected text, got number.');
  });

  it('declares a spill shape for every spill that matches the result before any input changes it', () => {
    const context = contextGiving(real);
    const argsFor: Record<string, unknown[]> = {
      COSTLINES: [s.costs], // the sample's eight cost lines
      CASHFLOWS: [s.metrics, s.costs], // default 3-year horizon
      REASONS: [s.metrics, s.costs, s.readiness],
      SIMULATE: [s.metrics, s.costs],
      TORNADO: [s.metrics, s.costs], // no ranges: one row, "none"
      TIMELINE: [s.readiness],
      SUMMARY: [s.metrics, s.costs, s.readiness],
    };
    for (const fn of PILOT_FUNCTIONS) {
      expect(fn.spillShape !== undefined).toBe(fn.result === 'spill');
      if (fn.result !== 'spill' || fn.id === 'REASONS' || fn.id === 'ACTIONS') continue; // the reasons' and actions' counts depend on the case
      const outcome = runPilotFunction(fn.id, argsFor[fn.id], context);
      const value = outcome.ok ? (outcome.value as unknown[][]) : [];
      expect({ rows: value.length, columns: value[0]?.length }).toEqual(fn.spillShape);
    }
  });
});
