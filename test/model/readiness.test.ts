import fc from 'fast-check';
import type { Cell, Grid } from '../../src/model/types';
import {
  GATE_NAMES,
  PATTERNS,
  RACI_FUNCTIONS,
  STANDARD_GATES,
  checkOwnership,
  evaluateReadiness,
  metricsUnclear,
  nameKey,
  namedPerson,
  parseStatus,
  withMetricPatterns,
} from '../../src/model/readiness';
import spec7 from './fixtures/readiness-spec7.json';

const HEADER: Cell[] = ['Gate', 'Status', 'Owner'];
/** Every standard gate except Regulatory review, in SPEC §2.3's order. */
const STANDARD_TEN = STANDARD_GATES.filter((g) => g.key !== 'regulatory').map((g) => g.name);

/** A readiness table where every standard gate (no Regulatory row) is done and owned. */
function allPassing(): Cell[][] {
  return STANDARD_TEN.map((name) => [name, 'yes', 'Ana Ruiz']);
}

function table(rows: Cell[][], header: Cell[] = HEADER): Grid {
  return [header, ...rows];
}

/** `rows` with the status (and owner, when given) of gate `name` replaced. */
function withGate(rows: Cell[][], name: string, status: Cell, owner: Cell = 'Ana Ruiz'): Cell[][] {
  return rows.map((r) => (r[0] === name ? [name, status, owner] : r));
}

function gateOf(grid: Grid, name: string, ownership?: Grid) {
  const found = evaluateReadiness(grid, ownership).result.gates.find((g) => g.gate === name);
  if (!found) throw new Error(`no gate ${name}`);
  return found;
}

const RACI_COMPLETE: Grid = [
  ['Function', 'Responsible', 'Accountable'],
  ['Production quality monitoring', 'Marco Bianchi', 'Dana Whitfield'],
  ['Incident response', 'Marco Bianchi', 'Dana Whitfield'],
  ['Model updates and versioning', 'Priya Raman', 'Dana Whitfield'],
  ['Integration maintenance', 'Marco Bianchi', 'Dana Whitfield'],
  ['User training and adoption', 'Lee Chen', 'Dana Whitfield'],
  ['Success-metric tracking', 'Priya Raman', 'Dana Whitfield'],
];

describe('SPEC §7 readiness table', () => {
  const { result, problems, warnings } = evaluateReadiness(spec7.grid as Grid, undefined);

  it('scores each gate as the worked example does, Workflow redesign 0 for its TBD owner', () => {
    expect(result.gates.map((g) => g.score)).toEqual(spec7.expected.scores);
    expect(gateOf(spec7.grid as Grid, 'Workflow redesign').note).toBe('no named owner');
  });

  it('has score 0, progress 0.65, three blockers and two patterns', () => {
    expect(result.score).toBe(spec7.expected.score);
    expect(result.progress).toBeCloseTo(spec7.expected.progress, 12);
    expect(result.blockers).toEqual(spec7.expected.blockers);
    expect(result.patterns).toEqual(spec7.expected.patterns);
  });

  it('is read without problems or warnings, every gate recognised as standard', () => {
    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
    expect(result.gates.every((g) => g.standard)).toBe(true);
    expect(result.gates.map((g) => g.gate)).toEqual(STANDARD_TEN);
    expect(result.gates.map((g) => g.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });
});

describe('gate texts', () => {
  it.each(STANDARD_GATES.flatMap((g) => [g.name, ...g.accepted].map((text) => [text, g.name])))(
    '"%s" is the standard gate %s',
    (text, name) => {
      const gates = evaluateReadiness(table([[text, 'yes', 'Ana Ruiz']]), undefined).result.gates;
      const found = gates.find((g) => g.row === 2);
      expect(found).toMatchObject({ gate: name, standard: true, passes: true });
    },
  );

  it('matches like headers: case, spaces and a trailing parenthesis are ignored', () => {
    const grid = table([
      ['  EXECUTIVE   sponsor ', 'yes', 'Dana'],
      ['Infrastructure (volume, latency, uptime SLA)', 'yes', 'Marco'],
      ['pathto INTEGRATION (IT and security review (SSO) done)', 'yes', 'Marco'],
    ]);
    const { result } = evaluateReadiness(grid, undefined);
    const rows = Object.fromEntries(result.gates.map((g) => [g.gate, g.row]));
    expect(rows).toMatchObject({ 'Executive sponsor': 2, Infrastructure: 3, 'Integration path': 4 });
    expect(result.gates.filter((g) => !g.standard)).toEqual([]);
  });

  it('keys names leniently: "&" reads as "and", punctuation and plural s are ignored', () => {
    expect(nameKey('Runbook & rollback')).toBe(nameKey('Runbook and rollback'));
    expect(nameKey('Success-metric tracking')).toBe(nameKey('success metrics tracking'));
    expect(nameKey('Infra (p99 latency)')).toBe(nameKey('infra'));
    expect(nameKey('(only a parenthesis)')).not.toBe('');
  });

  it('reports gates in SPEC §2.3 order whatever the table order, custom gates after', () => {
    const rows = [['Pen test', 'yes', 'Sam'], ...allPassing().reverse()];
    const withFailures = withGate(withGate(rows, 'Workflow redesign', 'no'), 'Executive sponsor', 'no');
    const { result } = evaluateReadiness(table(withFailures), undefined);
    expect(result.gates.map((g) => g.gate)).toEqual([...STANDARD_TEN, 'Pen test']);
    expect(result.blockers).toEqual(['Executive sponsor', 'Workflow redesign']);
  });

  it('counts the first row of a gate that appears twice and warns about the second', () => {
    const rows = [...allPassing(), ['Sponsor', 'no', 'Someone else']];
    const { result, warnings } = evaluateReadiness(table(rows), undefined);
    expect(result.score).toBe(1);
    expect(result.gates.filter((g) => g.gate === 'Executive sponsor')).toHaveLength(1);
    expect(warnings).toEqual([expect.stringMatching(/row 12: "Sponsor" repeats Executive sponsor \(row 2\)/)]);
  });

  it('treats a repeated custom gate the same way', () => {
    const rows = [...allPassing(), ['Pen test', 'no', 'Sam'], ['pen  TEST', 'yes', 'Sam']];
    const { result, warnings } = evaluateReadiness(table(rows), undefined);
    expect(result.gates.filter((g) => !g.standard)).toEqual([expect.objectContaining({ row: 12, score: 0 })]);
    expect(warnings).toHaveLength(1);
  });

  it('reports a row with no gate name as a problem on its Gate cell', () => {
    const { problems } = evaluateReadiness(table([...allPassing(), [null, 'yes', 'Sam']]), undefined);
    expect(problems).toEqual([
      { table: 'Readiness', row: 12, column: 'Gate', message: expect.stringContaining('expected a gate name') },
    ]);
  });
});

describe('blocking and counting', () => {
  it('passes with score 1 and progress 1 when every standard gate passes', () => {
    const { result } = evaluateReadiness(table(allPassing()), undefined);
    expect(result).toMatchObject({ score: 1, progress: 1, blockers: [], patterns: [] });
  });

  it('reports a missing standard blocking gate as a blocker, "not assessed", counted 0 in progress', () => {
    const rows = allPassing().filter((r) => r[0] !== 'Change management plan');
    const { result } = evaluateReadiness(table(rows), undefined);
    expect(result.blockers).toEqual(['Change management plan']);
    expect(result.score).toBe(0);
    expect(result.progress).toBeCloseTo(0.9, 12);
    expect(gateOf(table(rows), 'Change management plan')).toMatchObject({ row: null, note: 'not assessed', blocking: true });
  });

  it('counts Regulatory review only when the table has the row, and then it blocks', () => {
    const absent = evaluateReadiness(table(allPassing()), undefined).result;
    expect(absent.gates.map((g) => g.gate)).not.toContain('Regulatory review');
    expect(absent.blockers).toEqual([]);

    const failing = evaluateReadiness(table([...allPassing(), ['Regulatory', 'partial', 'Kim']]), undefined).result;
    expect(failing.gates.map((g) => g.gate)).toContain('Regulatory review');
    expect(failing.blockers).toEqual(['Regulatory review']);
    expect(failing.score).toBe(0.5);
    expect(failing.progress).toBeCloseTo(10.5 / 11, 12);
  });

  it('places Regulatory review after Workflow redesign in blockers', () => {
    const rows = withGate([['Regulatory review', 'no', 'Kim'], ...allPassing()], 'Workflow redesign', 'no');
    expect(evaluateReadiness(table(rows), undefined).result.blockers).toEqual(['Workflow redesign', 'Regulatory review']);
  });

  it('does not block on Adoption or the Operations runbook, but counts them in progress', () => {
    const adoptionFails = withGate(allPassing(), 'Adoption beyond the pilot team', 'no');
    const rows = withGate(adoptionFails, 'Operations runbook and rollback', 'partial');
    const { result } = evaluateReadiness(table(rows), undefined);
    expect(result.score).toBe(1);
    expect(result.blockers).toEqual([]);
    expect(result.progress).toBeCloseTo(8.5 / 10, 12);
    expect(result.patterns).toEqual([PATTERNS.adoption]);
  });

  it('fires the adoption pattern when the Adoption gate is missing, without a blocker', () => {
    const rows = allPassing().filter((r) => r[0] !== 'Adoption beyond the pilot team');
    const { result } = evaluateReadiness(table(rows), undefined);
    expect(result.patterns).toEqual([PATTERNS.adoption]);
    expect(result.blockers).toEqual([]);
    expect(result.progress).toBeCloseTo(0.9, 12);
  });

  it('makes custom gates non-blocking unless the text ends with (blocking)', () => {
    const rows = [...allPassing(), ['Pen test', 'no', 'Sam'], ['Data residency sign-off (Blocking)', 'partial', 'Kim']];
    const { result } = evaluateReadiness(table(rows), undefined);
    const custom = result.gates.filter((g) => !g.standard);
    expect(custom.map((g) => [g.gate, g.blocking])).toEqual([
      ['Pen test', false],
      ['Data residency sign-off (Blocking)', true],
    ]);
    expect(result.blockers).toEqual(['Data residency sign-off (Blocking)']);
    expect(result.score).toBe(0.5);
    expect(result.progress).toBeCloseTo(10.5 / 12, 12);
  });

  it('keeps a standard non-blocking gate non-blocking despite "(blocking)", with a warning', () => {
    const rows = allPassing().map((r) => (r[0] === 'Adoption beyond the pilot team' ? ['Adoption (blocking)', 'no', 'Lee'] : r));
    const { result, warnings } = evaluateReadiness(table(rows), undefined);
    expect(result.blockers).toEqual([]);
    expect(warnings).toEqual([expect.stringContaining('stays non-blocking')]);
  });

  it('takes the lowest blocking score as the score, not the mean', () => {
    const rows = withGate(withGate(allPassing(), 'Infrastructure', 0.9), 'Production data audited', '30%');
    const { result } = evaluateReadiness(table(rows), undefined);
    expect(result.score).toBeCloseTo(0.3, 12);
    expect(result.blockers).toEqual(['Production data audited', 'Infrastructure']);
  });

  it('passes a gate only at score 1', () => {
    const grid = table(withGate(allPassing(), 'Executive sponsor', 0.999));
    expect(gateOf(grid, 'Executive sponsor')).toMatchObject({ passes: false, score: 0.999, note: 'status 0.999' });
    expect(evaluateReadiness(grid, undefined).result.patterns).toEqual([PATTERNS.sponsor]);
  });

  it.each([
    ['Executive sponsor', PATTERNS.sponsor],
    ['Integration path', PATTERNS.integration],
    ['Workflow redesign', PATTERNS.workflow],
    ['Success metrics in business terms', PATTERNS.metrics],
  ])('fires a pattern when %s fails', (name, pattern) => {
    const { result } = evaluateReadiness(table(withGate(allPassing(), name, 'no')), undefined);
    expect(result.patterns).toEqual([pattern]);
  });

  it('with no Readiness table, reports every standard blocking gate not assessed and no problems', () => {
    const { result, problems } = evaluateReadiness(undefined, undefined);
    expect(problems).toEqual([]);
    expect(result.score).toBe(0);
    expect(result.progress).toBe(0);
    expect(result.blockers).toEqual(STANDARD_GATES.filter((g) => g.blocking && g.key !== 'regulatory').map((g) => g.name));
    expect(result.patterns).toEqual([
      PATTERNS.sponsor,
      PATTERNS.integration,
      PATTERNS.adoption,
      PATTERNS.workflow,
      PATTERNS.metrics,
    ]);
  });

  it('reports a missing Status column on row 1', () => {
    const { problems } = evaluateReadiness([['Gate', 'Owner'], ['Sponsor', 'Dana']], undefined);
    expect(problems).toEqual([expect.objectContaining({ table: 'Readiness', row: 1, column: 'Status' })]);
  });

  it('warns that every gate is unowned when there is no Owner column', () => {
    const { result, warnings } = evaluateReadiness(table([['Sponsor', 'yes']], ['Check', 'Done']), undefined);
    expect(gateOf(table([['Sponsor', 'yes']], ['Check', 'Done']), 'Executive sponsor').score).toBe(0);
    expect(result.score).toBe(0);
    expect(warnings).toEqual([expect.stringContaining('no Owner column')]);
  });

  it('reads the Owner column by its synonym "Name", and Evidence by "Notes"', () => {
    const grid = table([['Sponsor', 'yes', 'Dana', 'CFO signed 3 May']], ['Criterion', 'Ready', 'Name', 'Notes']);
    expect(gateOf(grid, 'Executive sponsor')).toMatchObject({ passes: true, owner: 'Dana', evidence: 'CFO signed 3 May' });
  });
});

describe('status', () => {
  it.each<[Cell, number]>([
    ['yes', 1],
    [' YES ', 1],
    ['Done', 1],
    ['TRUE', 1],
    [true, 1],
    ['partial', 0.5],
    ['Partial', 0.5],
    ['no', 0],
    ['FALSE', 0],
    [false, 0],
    [1, 1],
    [0, 0],
    ['1', 1],
    ['0', 0],
    [0.8, 0.8],
    ['0.25', 0.25],
    ['80%', 0.8],
    ['100 %', 1],
    ['0%', 0],
    [null, 0],
    ['', 0],
    ['   ', 0],
  ])('%p scores %p', (cell, score) => {
    expect(parseStatus(cell)).toEqual({ ok: true, score });
    expect(gateOf(table([['Sponsor', cell, 'Dana']]), 'Executive sponsor').score).toBeCloseTo(score, 12);
  });

  it('never returns -0', () => {
    for (const cell of [-0, '-0', '-0%']) {
      const reading = parseStatus(cell);
      expect(reading.ok && Object.is(reading.score, 0)).toBe(true);
    }
  });

  it.each<[Cell, RegExp]>([
    ['maybe', /expected yes, no, partial.*got "maybe"/],
    ['N/A', /got "N\/A"/],
    ['1,5', /got "1,5"/],
    [1.5, /from 0 to 1.*got 1\.5/],
    [80, /got 80 \(for 80%, write 80% or 0\.8\)/],
    [-0.1, /from 0 to 1.*got -0\.1/],
    ['120%', /percentage from 0% to 100%; got "120%"/],
    ['-5%', /got "-5%"/],
    [Number.NaN, /from 0 to 1/],
  ])('%p is a problem on the Status cell', (cell, message) => {
    const { problems, result } = evaluateReadiness(table([...allPassing(), ['Pen test', cell, 'Sam']]), undefined);
    expect(problems).toEqual([{ table: 'Readiness', row: 12, column: 'Status', message: expect.stringMatching(message) }]);
    expect(result.gates.find((g) => g.gate === 'Pen test')?.score).toBe(0);
  });
});

describe('owners', () => {
  it.each<[Cell]>([[null], [''], ['TBD'], ['tbd'], ['?'], ['n/a'], ['N/A'], ['-'], ['—'], [' ?? '], ['none'], ['None'], [0], [42], [true]])(
    'owner %p names nobody, so a done gate scores 0',
    (owner) => {
      const found = gateOf(table([['Sponsor', 'yes', owner]]), 'Executive sponsor');
      expect(found).toMatchObject({ score: 0, passes: false, owner: null, note: 'no named owner' });
    },
  );

  it('reads 0 in the Gate and Evidence columns as blank (SPEC §2)', () => {
    const { problems } = evaluateReadiness(table([[0, 'yes', 'Dana']]), undefined);
    expect(problems).toEqual([{ table: 'Readiness', row: 2, column: 'Gate', message: expect.stringContaining('expected a gate name') }]);
    const found = gateOf(table([['Sponsor', 'yes', 'Dana', 0]], ['Gate', 'Status', 'Owner', 'Evidence']), 'Executive sponsor');
    expect(found).toMatchObject({ evidence: '', passes: true });
  });

  it('keeps a named owner, trimmed', () => {
    expect(namedPerson('  Dana Whitfield ')).toBe('Dana Whitfield');
    expect(namedPerson('Tbd Jones')).toBe('Tbd Jones');
  });

  it('notes both the status and the missing owner when both fail', () => {
    expect(gateOf(table([['Sponsor', 'partial', 'TBD']]), 'Executive sponsor').note).toBe('status partial; no named owner');
  });
});

describe('ownership (RACI)', () => {
  const ownershipRow = (status: Cell = 'yes', owner: Cell = 'Dana') =>
    table(allPassing().map((r) => (r[0] === 'Ownership' ? ['Ownership', status, owner] : r)));

  it('passes when the Ownership row passes and all six functions are named', () => {
    const { result } = evaluateReadiness(ownershipRow(), RACI_COMPLETE);
    expect(result.score).toBe(1);
    expect(gateOf(ownershipRow(), 'Ownership', RACI_COMPLETE)).toMatchObject({ passes: true, row: 6, note: '' });
  });

  it('fails with score 0 on a blank or TBD cell, naming the function and the column', () => {
    for (const gap of [null, 'TBD']) {
      const raci = RACI_COMPLETE.map((r, i) => (i === 2 ? [r[0], r[1], gap] : r));
      const found = gateOf(ownershipRow(), 'Ownership', raci);
      expect(found).toMatchObject({ score: 0, passes: false });
      expect(found.note).toBe('Ownership row 3 "Incident response": no named person under "Accountable"');
      expect(evaluateReadiness(ownershipRow(), raci).result.blockers).toEqual(['Ownership']);
    }
  });

  it('fails when a required function is missing, naming it', () => {
    const raci = RACI_COMPLETE.filter((r) => r[0] !== 'Integration maintenance');
    const found = gateOf(ownershipRow(), 'Ownership', raci);
    expect(found.score).toBe(0);
    expect(found.note).toBe('the Ownership table has no row for integration maintenance');
  });

  it('matches function names leniently', () => {
    const raci = RACI_COMPLETE.map((r) =>
      r[0] === 'Model updates and versioning'
        ? ['Model updates & versioning', ...r.slice(1)]
        : r[0] === 'Success-metric tracking'
          ? ['Success metric tracking', ...r.slice(1)]
          : r[0] === 'Incident response'
            ? ['INCIDENT  response (24/7)', ...r.slice(1)]
            : r,
    );
    expect(checkOwnership(raci).gaps).toEqual([]);
  });

  it('checks only columns that have a header, and every function row including extra ones', () => {
    const widened = RACI_COMPLETE.map((r, i) => [...r, i === 0 ? null : '']);
    expect(checkOwnership(widened).gaps).toEqual([]);
    const extra = [...RACI_COMPLETE, ['Cost reporting', 'Priya', '']];
    expect(checkOwnership(extra).gaps).toEqual(['Ownership row 8 "Cost reporting": no named person under "Accountable"']);
  });

  it('fails a table with no role columns', () => {
    const onlyFunctions = RACI_COMPLETE.map((r) => [r[0]]);
    expect(checkOwnership(onlyFunctions).gaps).toEqual([expect.stringContaining('no role columns')]);
  });

  it('lists every required function for an empty table', () => {
    expect(checkOwnership([]).gaps.filter((g) => g.includes('has no row for'))).toHaveLength(RACI_FUNCTIONS.length);
  });

  it('reads 0 anywhere in the RACI table as blank: a role cell of 0 names nobody, a row of zeros is empty', () => {
    const zeros = [...RACI_COMPLETE.map((r, i) => (i === 2 ? [r[0], r[1], 0] : r)), [0, 0, 0]];
    expect(checkOwnership(zeros).gaps).toEqual(['Ownership row 3 "Incident response": no named person under "Accountable"']);
    expect(checkOwnership([...RACI_COMPLETE, [0, 0, 0]])).toEqual({ given: true, gaps: [], unlisted: 0, warnings: [], problems: [] });
    expect(checkOwnership(RACI_COMPLETE.map((r, i) => (i === 0 ? [...r, 0] : [...r, null]))).gaps).toEqual([]);
  });

  it('warns about and skips a row with no function name', () => {
    const check = checkOwnership([...RACI_COMPLETE, [null, 'Sam', '']]);
    expect(check.gaps).toEqual([]);
    expect(check.warnings).toEqual([expect.stringContaining('row 8 has no function')]);
  });

  it('with no Ownership row, passes on a complete RACI table alone, with no row number', () => {
    const rows = allPassing().filter((r) => r[0] !== 'Ownership');
    const found = gateOf(table(rows), 'Ownership', RACI_COMPLETE);
    expect(found).toMatchObject({ passes: true, score: 1, row: null });
    expect(evaluateReadiness(table(rows), RACI_COMPLETE).result.score).toBe(1);
  });

  it('with no Ownership row, fails with score 0 on an incomplete RACI table', () => {
    const rows = allPassing().filter((r) => r[0] !== 'Ownership');
    const raci = RACI_COMPLETE.slice(0, 6);
    expect(gateOf(table(rows), 'Ownership', raci)).toMatchObject({ passes: false, score: 0, row: null });
    expect(gateOf(table(rows), 'Ownership', raci).note).toContain('success-metric tracking');
  });

  it('keeps the row score when the row itself fails and the RACI table is complete', () => {
    expect(gateOf(ownershipRow('partial'), 'Ownership', RACI_COMPLETE)).toMatchObject({ score: 0.5, note: 'status partial' });
  });

  it('without an Ownership row or table, Ownership is not assessed', () => {
    const rows = allPassing().filter((r) => r[0] !== 'Ownership');
    expect(gateOf(table(rows), 'Ownership')).toMatchObject({ row: null, note: 'not assessed', score: 0 });
  });
});

describe('patterns for the verdict', () => {
  it('adds the metric-based patterns in PATTERNS order, once', () => {
    expect(
      withMetricPatterns([PATTERNS.sponsor, PATTERNS.workflow, PATTERNS.metrics], { metricsUnclear: true, wrongUseCase: true }),
    ).toEqual([PATTERNS.sponsor, PATTERNS.workflow, PATTERNS.metrics, PATTERNS.useCase]);
    expect(withMetricPatterns([PATTERNS.workflow], { metricsUnclear: true, wrongUseCase: false })).toEqual([
      PATTERNS.workflow,
      PATTERNS.metrics,
    ]);
    expect(withMetricPatterns([], { metricsUnclear: false, wrongUseCase: false })).toEqual([]);
  });

  it('finds success metrics unclear when a metric lacks money, a pilot figure or a timeline', () => {
    const clear = { annualValue: 375000, hasPilot: true, timelineDays: 90 };
    expect(metricsUnclear([clear])).toBe(false);
    expect(metricsUnclear([clear, { ...clear, annualValue: null }])).toBe(true);
    expect(metricsUnclear([clear, { ...clear, hasPilot: false }])).toBe(true);
    expect(metricsUnclear([clear, { ...clear, timelineDays: null }])).toBe(true);
  });

  it('names the standard gates for other modules', () => {
    expect(GATE_NAMES.workflow).toBe('Workflow redesign');
    expect(GATE_NAMES.regulatory).toBe('Regulatory review');
  });
});

describe('properties', () => {
  const gateText = fc.constantFrom(
    ...STANDARD_GATES.flatMap((g) => [g.name, g.name.toUpperCase(), ...g.accepted]),
    'Pen test',
    'Data residency (blocking)',
    'Load test',
  );
  const status = fc.oneof(
    fc.constantFrom<Cell>('yes', 'no', 'partial', 'done', 'TRUE', true, false, null, '50%', '100%'),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`),
  );
  const owner = fc.constantFrom<Cell>('Dana', 'Lee Chen', 'TBD', '', null, '?');
  const rows = fc.array(fc.tuple(gateText, status, owner), { maxLength: 16 });
  const ownershipGrid = fc.option(
    fc.subarray(RACI_COMPLETE.slice(1)).chain((functions) =>
      fc.constant<Grid>([RACI_COMPLETE[0], ...functions.map((r) => [...r])]),
    ),
    { nil: undefined },
  );

  it('keeps score and progress within 0–1, finite and never -0', () => {
    fc.assert(
      fc.property(rows, ownershipGrid, (r, o) => {
        const { result } = evaluateReadiness(table(r), o);
        for (const x of [result.score, result.progress, ...result.gates.map((g) => g.score)]) {
          expect(Number.isFinite(x) && x >= 0 && x <= 1 && !Object.is(x, -0)).toBe(true);
        }
      }),
    );
  });

  it('keeps the score at or below the mean of blocking gate scores, and blockers ⇔ score < 1', () => {
    fc.assert(
      fc.property(rows, ownershipGrid, (r, o) => {
        const { result } = evaluateReadiness(table(r), o);
        const blocking = result.gates.filter((g) => g.blocking).map((g) => g.score);
        const mean = blocking.reduce((a, b) => a + b, 0) / blocking.length;
        expect(result.score).toBeLessThanOrEqual(mean + 1e-12);
        expect(result.blockers.length === 0).toBe(result.score === 1);
      }),
    );
  });

  it('never lowers score or progress when a passing gate is added', () => {
    fc.assert(
      fc.property(rows, fc.constantFrom('Extra check', 'Extra check (blocking)'), (r, extra) => {
        const before = evaluateReadiness(table(r), undefined).result;
        const after = evaluateReadiness(table([...r, [extra, 'yes', 'Sam']]), undefined).result;
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        expect(after.progress).toBeGreaterThanOrEqual(before.progress - 1e-12);
      }),
    );
  });

  it('does not depend on row order when no gate repeats', () => {
    const unique = fc.uniqueArray(fc.tuple(fc.constantFrom(...STANDARD_TEN, 'Regulatory review', 'Pen test'), status, owner), {
      selector: (t) => t[0],
    });
    fc.assert(
      fc.property(unique, (r) => {
        const forward = evaluateReadiness(table(r), undefined).result;
        const backward = evaluateReadiness(table([...r].reverse()), undefined).result;
        expect(backward.score).toBe(forward.score);
        expect(backward.progress).toBeCloseTo(forward.progress, 12);
        expect(backward.blockers).toEqual(forward.blockers);
        expect(backward.patterns).toEqual(forward.patterns);
      }),
    );
  });
});
