/**
 * Reasons and actions that name the sheet cell (`Costs!A14`) beside the table row: the engine given
 * where each table's header row starts, the place arguments of PILOT.REASONS and PILOT.ACTIONS read
 * from the addresses Excel hands over (invocation.parameterAddresses), and a person's own call
 * without them naming table rows as before. The cells are worked out by hand from the sample's
 * rows (SPEC §7) and the places given.
 */
import { readPlaceArg } from '../../src/functions/arguments';
import { CaseCache, caseKey } from '../../src/functions/cache';
import { pilotFunction } from '../../src/functions/catalogue';
import { excelArguments, excelFunctions } from '../../src/functions/register';
import { evaluateCase, sampleCase, type CaseInput } from '../../src/model';
import { NO_CELLS, citedRow, citer, columnOfTable } from '../../src/model/places';
import { customFunctionsRuntime, installCustomFunctionsRuntime, thrownBy } from './runtime';

beforeAll(installCustomFunctionsRuntime);

const s = sampleCase();
/** Metrics and Readiness at A1 of their own sheets; Costs two rows down and one column in, on a sheet whose name needs quotes. */
const placed: CaseInput = {
  ...s,
  places: {
    Metrics: { sheet: 'Metrics', row: 0, column: 0 },
    Costs: { sheet: 'Pilot costs', row: 2, column: 1 },
    Readiness: { sheet: 'Readiness', row: 0, column: 0 },
  },
};

describe('the engine, told where the tables are', () => {
  it('names the sheet cell of each row a reason cites: the Status or Owner of a gate, the Pilot of a metric, the Category of a cost line', () => {
    const reasons = evaluateCase(placed).reasons;
    expect(reasons.slice(0, 5)).toEqual([
      'Readiness row 3 "Production data audited" (Readiness!B3) blocks production: status partial.',
      'Readiness row 8 "Change management plan" (Readiness!B8) blocks production: status partial.',
      // No named owner: the cell is the Owner, column C.
      'Readiness row 9 "Workflow redesign" (Readiness!C9) blocks production: no named owner.',
      // Pilot is the sample's fourth column (Metric, Baseline, Target, Pilot …).
      'Metrics row 3 "Error rate" (Metrics!D3): the pilot closed 97.3% of the gap to target (proven at 100.0%).',
      'Metrics row 5 "Employee hours saved/week" (Metrics!D5): the pilot closed 80.0% of the gap to target (proven at 100.0%).',
    ]);
    // Costs row 7 is the table's seventh row: sheet row 3 + 7 − 1 = 9, in the table's first column, B.
    expect(reasons).toContain(
      'Production costs 3.18× the pilot (alarm at 3.00×): Costs row 7 "Operations and support" (\'Pilot costs\'!B9) is 8.00× its pilot line.',
    );
  });

  it('gives each action its cell, and names rows only (as before) when the places are not given', () => {
    expect(evaluateCase(placed).actions.map((a) => a.cell)).toEqual(['Readiness!B3', 'Readiness!B8', 'Readiness!C9', 'Metrics!D3', 'Metrics!D5', 'Readiness!B10', "'Pilot costs'!B9"]);
    const plain = evaluateCase(s);
    expect(plain.actions.every((a) => a.cell === undefined)).toBe(true);
    expect(plain.reasons[0]).toBe('Readiness row 3 "Production data audited" blocks production: status partial.');
    expect(plain.reasons.join(' ')).not.toMatch(/![A-Z]+\d/);
  });

  it('finds a column under any header the engine reads (Current for Baseline), and falls back to the row label, then the first column', () => {
    expect(columnOfTable('Metrics', 'Baseline', ['Metric', 'Current', 'Target'])).toBe(1);
    expect(columnOfTable('Costs', 'Multiplier', ['Category', 'Pilot'])).toBeNull();
    const cite = citer(placed);
    expect(cite('Costs', 4, 'Annual')).toBe("'Pilot costs'!E6");
    expect(cite('Costs', 4, 'Approver')).toBe("'Pilot costs'!B6");
    expect(cite('Assumptions', 2, null)).toBeNull();
    expect(citedRow(NO_CELLS, 'Costs', 14, null, 'Security')).toBe('Costs row 14 "Security"');
  });

  it('names no cell beyond the sheet’s last row, and keeps the row', () => {
    const cite = citer({ ...s, places: { Costs: { sheet: 'Costs', row: 1_048_575, column: 0 } } });
    expect(cite('Costs', 2, null)).toBeNull();
    expect(citedRow(cite, 'Costs', 2, null, 'Model and licences')).toBe('Costs row 2 "Model and licences"');
  });

  it('keeps a case placed elsewhere apart in the cache: its sentences name other cells', () => {
    expect(caseKey(placed)).not.toBe(caseKey(s));
    expect(caseKey(placed)).not.toBe(caseKey({ ...placed, places: { ...placed.places, Costs: { sheet: 'Pilot costs', row: 3, column: 1 } } }));
  });
});

describe('the place arguments as Excel hands them over', () => {
  it('reads an address as Excel writes it: quoted, absolute, with the workbook before the sheet', () => {
    expect(readPlaceArg('Metrics!A1:I1', 'metricsAt')).toEqual({ sheet: 'Metrics', row: 0, column: 0 });
    expect(readPlaceArg("'Pilot costs'!$B$3:$F$3", 'costsAt')).toEqual({ sheet: 'Pilot costs', row: 2, column: 1 });
    expect(readPlaceArg('[Book1.xlsx]Costs!A1:E1', 'costsAt')).toEqual({ sheet: 'Costs', row: 0, column: 0 });
    expect(readPlaceArg("'[Book 1.xlsx]Pilot costs'!B3", 'costsAt')).toEqual({ sheet: 'Pilot costs', row: 2, column: 1 });
    expect(readPlaceArg(null, 'costsAt')).toBeUndefined();
    expect(readPlaceArg([['Category', 'Pilot']], 'costsAt')).toBeUndefined();
    expect(() => readPlaceArg('Costs!row one', 'costsAt')).toThrow('costsAt: expected a reference to a table\'s header row; got "Costs!row one"');
  });

  it('takes each place argument’s address from the invocation, and null where Excel gave none', () => {
    const reasons = pilotFunction('REASONS')!;
    const header = [['Metric', 'Baseline']];
    const passed = [s.metrics, s.costs, s.readiness, null, null, header, header, null, null, null, { parameterAddresses: ['', '', '', '', '', 'Metrics!A1:I1', null, '', '', ''] }];
    expect(excelArguments(reasons, passed)).toEqual([s.metrics, s.costs, s.readiness, null, null, 'Metrics!A1:I1', null, null, null, null]);
    // A runtime that hands no addresses: the values are dropped, so the sentences name rows only.
    expect(excelArguments(reasons, passed.slice(0, 10))).toEqual([s.metrics, s.costs, s.readiness, null, null, null, null, null, null, null]);
  });

  it('spills reasons and actions naming cells when Excel passes the header rows’ addresses, and table rows without them', () => {
    const pilot = excelFunctions({ cases: new CaseCache() });
    const omitted = null;
    const header = [['…']];
    const addresses = { parameterAddresses: [null, null, null, null, null, 'Metrics!A1:I1', "'Pilot costs'!B3:F3", 'Readiness!A1:F1', null, null] };
    const args = [s.metrics, s.costs, s.readiness, omitted, omitted, header, header, header, omitted, omitted];
    const reasons = pilot.REASONS(...args, addresses) as string[][];
    expect(reasons[0]).toEqual(['Readiness row 3 "Production data audited" (Readiness!B3) blocks production: status partial.']);
    const actions = pilot.ACTIONS(...args, addresses) as string[][];
    expect(actions[1][2]).toBe('Readiness row 3, Status (Readiness!B3)');
    expect(actions[7][2]).toBe("Costs row 7 ('Pilot costs'!B9)");
    // A person's own =PILOT.REASONS(Metrics[#All],Costs[#All],Readiness[#All]): Excel passes nulls for the five places.
    const own = pilot.REASONS(s.metrics, s.costs, s.readiness, omitted, omitted, omitted, omitted, omitted, omitted, omitted, { parameterAddresses: [] }) as string[][];
    expect(own[0]).toEqual(['Readiness row 3 "Production data audited" blocks production: status partial.']);
  });

  it('shows an address it cannot read as #VALUE! naming the argument', () => {
    const pilot = excelFunctions({ cases: new CaseCache() });
    const error = thrownBy(() => pilot.REASONS(s.metrics, s.costs, null, null, null, null, [['x']], null, null, null, { parameterAddresses: [null, null, null, null, null, null, 'Costs!R1C1'] }));
    expect(error).toBeInstanceOf(customFunctionsRuntime.Error);
    expect(error).toMatchObject({ code: '#VALUE!' });
    expect((error as { message: string }).message).toContain('costsAt: expected a reference to the Costs table\'s header row, such as Costs[#Headers]');
  });
});
