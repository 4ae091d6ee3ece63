import { ModelError } from '../../src/model/errors';
import { irr, npv } from '../../src/model/finance';
import {
  cellAddress,
  columnLetters,
  describeWithLibreOffice,
  isCellError,
  recalculateSheets,
  type InputCell,
  type OutputCell,
} from '../support/libreoffice';
import { seededRandom } from '../support/random';

/**
 * Parity with LibreOffice Calc's NPV and IRR on generated cash flows: one .xlsx holding every
 * set as `=NPV(rate, flows)` and `=IRR(flows[, guess])`, recalculated by one headless
 * LibreOffice run, read back and compared with the engine.
 */

/** Generated sets; seeded, so every run writes the same workbook. */
const SET_COUNT = 240;
const SEED = 0x9e3779b9;
const MAX_PERIODS = 40;
/** SPEC §3.4 / §3.8: figures match to 1e-9 relative. (LibreOffice writes 15 significant digits.) */
const RELATIVE_TOLERANCE = 1e-9;
/** A written formula's cached value, wrong on purpose: a cell still holding it was never recalculated. */
const STALE = 987654.321;

/**
 * Bounds on the IRR disagreements, from the generator below with the seed above. Measured with
 * LibreOffice 7.4: other root 22, only ours 42, LibreOffice below −100% 3, only LibreOffice 0
 * (of 243 sets). The bounds leave room for another LibreOffice version's Newton to land
 * differently on a few sets; every disagreement is also checked one by one, so a bound only
 * catches a drift in how often they happen.
 *
 * Only ours: LibreOffice's IRR is plain Newton from the guess with 20 iterations and a 1e-7
 * step test (ScInterpreter::ScIRR); it gives up (Err:523, read back as #N/A) whenever Newton
 * leaves the domain or wanders, typically when the root is far from the guess — e.g.
 * [−15000, 6630], root −55.8%, which SPEC §3.4 requires us to find. Each of ours is checked to
 * be a genuine root.
 */
const MAX_ONLY_OURS = Math.ceil(SET_COUNT * 0.2);
/** Only LibreOffice: allowed only where its value is not a root at all (a Newton step below 1e-7 that stopped short of one); a genuine root we miss fails the test. */
const MAX_ONLY_LIBREOFFICE = 2;
/**
 * LibreOffice's Newton may step below −100% and settle there on a zero of the polynomial
 * Σ v_i (1 + r)^−i; that is no rate of return (1 + r < 0), and IRR's domain here is (−1, ∞).
 * Where this happens we either return a root inside the domain (checked) or null.
 */
const MAX_OUTSIDE_DOMAIN = Math.ceil(SET_COUNT * 0.05);
/**
 * Other root: with several roots we return the one nearest the guess (SPEC §3.4); LibreOffice's
 * Newton may settle on another (the "late outlay" sets, with two roots, often do). Each such set
 * is checked: LibreOffice's value is a root too, and ours is at least as near the guess.
 */
const MAX_OTHER_ROOT = Math.ceil(SET_COUNT * 0.12);

type Kind = 'conventional' | 'no sign change' | 'several sign changes' | 'loan' | 'late outlay' | 'mixed magnitudes';
const KINDS: Kind[] = ['conventional', 'no sign change', 'several sign changes', 'loan', 'late outlay', 'mixed magnitudes'];

interface FlowSet {
  id: string;
  kind: Kind | 'fixed';
  rate: number;
  guess: number | null;
  flows: number[];
}

function generateSets(): FlowSet[] {
  const random = seededRandom(SEED);
  const between = (low: number, high: number): number => low + (high - low) * random();
  const whole = (low: number, high: number): number => Math.floor(between(low, high + 1));
  const cents = (v: number): number => Math.round(v * 100) / 100;
  const sets: FlowSet[] = [];
  for (let i = 0; i < SET_COUNT; i += 1) {
    const kind = KINDS[i % KINDS.length];
    const length = whole(2, MAX_PERIODS);
    const scale = Math.pow(10, between(0, 9));
    // Cents, so every value has at most 15 significant digits and LibreOffice writes it back exactly.
    const amount = (multiple = 1): number => cents(multiple * scale * between(0.05, 1));
    const maybeZero = (v: number): number => (random() < 0.1 ? 0 : v);
    let flows: number[];
    switch (kind) {
      case 'conventional': {
        const outlays = whole(1, Math.min(3, length - 1));
        flows = Array.from({ length }, (_, p) => (p < outlays ? -amount(3) : maybeZero(amount())));
        break;
      }
      case 'no sign change': {
        const sign = random() < 0.5 ? -1 : 1;
        flows = Array.from({ length }, () => maybeZero(sign * amount()));
        break;
      }
      case 'several sign changes':
        flows = Array.from({ length }, () => maybeZero((random() < 0.5 ? -1 : 1) * amount()));
        break;
      case 'loan':
        flows = Array.from({ length }, (_, p) => (p === 0 ? amount(length * 0.6) : -amount()));
        break;
      case 'late outlay':
        flows = Array.from({ length }, (_, p) =>
          p === 0 ? -amount(2) : p === length - 1 ? -amount(length * 0.3) : amount(),
        );
        break;
      case 'mixed magnitudes':
        flows = Array.from({ length }, (_, p) => {
          const size = Math.pow(10, between(-2, 9));
          return (p === 0 ? -1 : random() < 0.8 ? 1 : -1) * cents(size + 0.01);
        });
        break;
    }
    const rate = random() < 0.1 ? 0 : Math.round(between(-0.9, 1.5) * 1e6) / 1e6;
    const guess = random() < 0.3 ? Math.round(between(-0.5, 1) * 1e4) / 1e4 : null;
    sets.push({ id: `G${i + 1}`, kind, rate, guess, flows });
  }
  // Fixed sets with a known disagreement, each explained where it is checked.
  sets.push({ id: 'F1', kind: 'fixed', rate: 0.1, guess: null, flows: [-15000, 6630] });
  sets.push({ id: 'F2', kind: 'fixed', rate: -1, guess: null, flows: [-100, 60, 70] });
  sets.push({ id: 'F3', kind: 'fixed', rate: -2, guess: null, flows: [-100, 60, 70] });
  return sets;
}

/** Sheet layout: A Id | B Kind | C Rate | D Guess | E NPV | F IRR | G… flows. */
const FIRST_FLOW_COLUMN = 6;

function toRows(sets: readonly FlowSet[]): InputCell[][] {
  const header: InputCell[] = ['Id', 'Kind', 'Rate', 'Guess', 'NPV', 'IRR'];
  for (let p = 1; p <= MAX_PERIODS; p += 1) header.push(`Flow ${p}`);
  return [
    header,
    ...sets.map((set, i) => {
      const row = i + 1;
      const flows = `${cellAddress(row, FIRST_FLOW_COLUMN)}:${cellAddress(row, FIRST_FLOW_COLUMN + set.flows.length - 1)}`;
      const guess = set.guess === null ? '' : `,${cellAddress(row, 3)}`;
      return [
        set.id,
        set.kind,
        set.rate,
        set.guess,
        { formula: `NPV(${cellAddress(row, 2)},${flows})`, staleResult: STALE },
        { formula: `IRR(${flows}${guess})`, staleResult: STALE },
        ...set.flows,
      ];
    }),
  ];
}

/** Σ |values[i]| / (1 + rate)^i, the size of the terms of an NPV at the IRR's convention. */
function discountedMagnitude(rate: number, values: readonly number[]): number {
  let discount = 1;
  let total = 0;
  for (const value of values) {
    total += Math.abs(value) / discount;
    discount *= 1 + rate;
  }
  return total;
}

/** Is `rate` a root of the row's NPV, to 1e-9 of the size of its terms? */
function isRoot(rate: number, flows: readonly number[]): boolean {
  if (!(rate > -1)) return false;
  try {
    const residual = Math.abs(flows[0] + npv(rate, flows.slice(1)));
    return residual <= RELATIVE_TOLERANCE * discountedMagnitude(rate, flows);
  } catch (error) {
    if (error instanceof ModelError) return false; // overflow at a rate near −100%
    throw error;
  }
}

function ours<T>(compute: () => T): T | ModelError {
  try {
    return compute();
  } catch (error) {
    if (error instanceof ModelError) return error;
    throw error;
  }
}

function relativeDifference(a: number, b: number, floor = 0): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), floor, Number.MIN_VALUE);
}

function describeSet(set: FlowSet): string {
  const shown = set.flows.length > 6 ? [...set.flows.slice(0, 6), `… ${set.flows.length} in all`] : set.flows;
  return `${set.id} (${set.kind}, guess ${set.guess ?? 'default'}): [${shown.join(', ')}]`;
}

describeWithLibreOffice('NPV and IRR agree with LibreOffice Calc', (soffice) => {
  const sets = generateSets();
  let computed: OutputCell[][] = [];
  let seconds = 0;

  beforeAll(async () => {
    const result = await recalculateSheets([{ name: 'Parity', rows: toRows(sets) }], { soffice });
    computed = result.sheets.Parity.slice(1);
    seconds = result.seconds;
  }, 120_000);

  test('one LibreOffice run recalculated every formula, in well under a minute', () => {
    expect(computed).toHaveLength(sets.length);
    // Every NPV and IRR cell was written with a wrong cached value; none may come back with it.
    const stale = computed.filter((row) => row[4] === STALE || row[5] === STALE);
    expect(stale).toHaveLength(0);
    // The inputs came back as written (the workbook is the one we generated).
    sets.forEach((set, i) => {
      expect(computed[i][0]).toBe(set.id);
      expect(computed[i][FIRST_FLOW_COLUMN + set.flows.length - 1]).toBe(set.flows[set.flows.length - 1]);
    });
    console.log(`LibreOffice recalculated ${sets.length} NPV/IRR sets in ${seconds.toFixed(1)} s`);
    expect(seconds).toBeLessThan(60);
  });

  test('the generated sets cover lengths 2–40, every kind, guesses and no-sign-change rows', () => {
    const lengths = sets.map((s) => s.flows.length);
    expect(Math.min(...lengths)).toBe(2);
    expect(Math.max(...lengths)).toBeGreaterThanOrEqual(38);
    for (const kind of KINDS) expect(sets.filter((s) => s.kind === kind).length).toBeGreaterThanOrEqual(40);
    expect(sets.filter((s) => s.guess !== null).length).toBeGreaterThan(40);
    expect(columnLetters(FIRST_FLOW_COLUMN + MAX_PERIODS - 1)).toBe('AT');
  });

  test('NPV: equal to 1e-9 relative wherever both give a number', () => {
    const mismatches: string[] = [];
    let compared = 0;
    let largest = 0;
    sets.forEach((set, i) => {
      const theirs = computed[i][4];
      const mine = ours(() => npv(set.rate, set.flows));
      if (mine instanceof ModelError) {
        if (set.id === 'F2') {
          // Rate −100%: Excel and the engine give #DIV/0!; LibreOffice reports the same
          // division by zero as #NUM!. Both refuse, which is what matters.
          expect(mine.code).toBe('#DIV/0!');
          expect(isCellError(theirs)).toBe(true);
        } else if (set.id === 'F3') {
          // Rate −200%: LibreOffice (like Excel) evaluates it with a negative base; the engine
          // refuses a rate below −100% with #NUM! on purpose (see npv's JSDoc).
          expect(mine.code).toBe('#NUM!');
          expect(typeof theirs).toBe('number');
        } else {
          mismatches.push(`${describeSet(set)} at ${set.rate}: ours ${mine.code}, LibreOffice ${JSON.stringify(theirs)}`);
        }
        return;
      }
      compared += 1;
      if (typeof theirs === 'number') largest = Math.max(largest, relativeDifference(mine, theirs));
      if (typeof theirs !== 'number' || relativeDifference(mine, theirs) > RELATIVE_TOLERANCE) {
        mismatches.push(`${describeSet(set)} at ${set.rate}: ours ${mine}, LibreOffice ${JSON.stringify(theirs)}`);
      }
    });
    console.log(`NPV parity: ${compared} sets compared, largest relative difference ${largest.toExponential(2)}`);
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThanOrEqual(SET_COUNT);
  });

  test('IRR: equal to 1e-9 where both converge; every disagreement is accounted for', () => {
    const onlyOurs: string[] = [];
    const onlyLibreOffice: string[] = [];
    const otherRoot: string[] = [];
    const outsideDomain: string[] = [];
    const failures: string[] = [];
    let bothConverge = 0;
    let bothNone = 0;
    let largestAgreeing = 0;
    sets.forEach((set, i) => {
      const theirs = computed[i][5];
      const mine = irr(set.flows, set.guess ?? undefined);
      const guess = set.guess ?? 0.1;
      const line = `${describeSet(set)}: ours ${mine}, LibreOffice ${JSON.stringify(theirs)}`;
      // Whatever LibreOffice says, a number from us must be a genuine root.
      if (mine !== null && !isRoot(mine, set.flows)) {
        failures.push(`${line} (ours is not a root)`);
        return;
      }
      if (typeof theirs === 'number' && theirs <= -1) {
        // LibreOffice's Newton crossed −100% and settled on a zero of the polynomial there.
        outsideDomain.push(line);
      } else if (mine === null && isCellError(theirs)) {
        bothNone += 1;
      } else if (mine !== null && typeof theirs === 'number') {
        bothConverge += 1;
        const difference = Math.abs(mine - theirs) / Math.max(1, Math.abs(theirs));
        if (difference <= RELATIVE_TOLERANCE) largestAgreeing = Math.max(largestAgreeing, difference);
        else {
          // Several roots: LibreOffice's must be one too, and ours must not be farther from the guess.
          const accounted = isRoot(theirs, set.flows) && Math.abs(mine - guess) <= Math.abs(theirs - guess) + 1e-12;
          (accounted ? otherRoot : failures).push(line);
        }
      } else if (mine !== null) {
        onlyOurs.push(line);
      } else if (typeof theirs === 'number') {
        // Only LibreOffice converged: acceptable only where its value is not actually a root.
        (isRoot(theirs, set.flows) ? failures : onlyLibreOffice).push(line);
      } else {
        failures.push(`${line} (unexpected cell)`);
      }
    });
    console.log(
      [
        `IRR parity over ${sets.length} sets: both converge ${bothConverge}, both none ${bothNone},`,
        `largest difference where both give the same root ${largestAgreeing.toExponential(2)},`,
        `other root nearer the guess ${otherRoot.length} (max ${MAX_OTHER_ROOT}),`,
        `only ours converges ${onlyOurs.length} (max ${MAX_ONLY_OURS}),`,
        `LibreOffice below −100% ${outsideDomain.length} (max ${MAX_OUTSIDE_DOMAIN}),`,
        `only LibreOffice converges, not at a root ${onlyLibreOffice.length} (max ${MAX_ONLY_LIBREOFFICE})`,
        ...otherRoot.map((s) => `  other root: ${s}`),
        ...onlyOurs.map((s) => `  only ours: ${s}`),
        ...outsideDomain.map((s) => `  LibreOffice below −100%: ${s}`),
        ...onlyLibreOffice.map((s) => `  only LibreOffice: ${s}`),
      ].join('\n'),
    );
    expect(failures).toEqual([]);
    expect(otherRoot.length).toBeLessThanOrEqual(MAX_OTHER_ROOT);
    expect(onlyOurs.length).toBeLessThanOrEqual(MAX_ONLY_OURS);
    expect(outsideDomain.length).toBeLessThanOrEqual(MAX_OUTSIDE_DOMAIN);
    expect(onlyLibreOffice.length).toBeLessThanOrEqual(MAX_ONLY_LIBREOFFICE);
    // −55.8% for [−15000, 6630] is one of the "only ours" sets: plain Newton cannot find it.
    expect(onlyOurs.some((s) => s.startsWith('F1 '))).toBe(true);
    // Most sets are decided the same way by both engines.
    expect(bothConverge + bothNone).toBeGreaterThanOrEqual(sets.length * 0.7);
  });
});
