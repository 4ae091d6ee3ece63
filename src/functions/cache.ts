/**
 * One evaluation per case content. A sheet holds PILOT.NPV, PILOT.IRR, PILOT.VERDICT … over the
 * same tables; Excel calls each function separately, so without this each would read, parse and
 * evaluate the whole case again. The cache is keyed by the content of the tables themselves — an
 * exact serialisation, not a hash — so different content always gets a different key and a
 * result can never be stale. It holds a bounded number of cases, dropping the least recently used.
 */
import { evaluateCase } from '../model/case';
import { MAX_TABLE_ROWS } from '../model/tables';
import type { CaseInput, CaseResult, Grid, TablePlace } from '../model/types';
import { outcomeOf, type Outcome } from './outcome';

/** How many distinct cases are kept: a few workbooks' worth of output blocks. */
export const DEFAULT_CASE_CAPACITY = 16;

export interface CaseCacheOptions {
  /** The evaluator, injectable so tests can count evaluations; the engine's evaluateCase by default. */
  evaluate?: (input: CaseInput) => CaseResult;
  /** Most cases kept at once (at least 1). */
  capacity?: number;
}

const TABLE_ORDER = ['metrics', 'costs', 'readiness', 'ownership', 'assumptions'] as const;
const PLACE_ORDER = ['Metrics', 'Costs', 'Readiness', 'Ownership', 'Assumptions'] as const;

/** The numbers JSON cannot spell (-0, NaN, ±Infinity), each with its row and column: `0,2=-0;`. */
function unspelled(grid: Grid): string {
  let odd = '';
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell === 'number' && (!Number.isFinite(cell) || Object.is(cell, -0))) odd += `${r},${c}=${Object.is(cell, -0) ? '-0' : String(cell)};`;
    }
  }
  return odd;
}

/**
 * A grid's content. JSON tells text, numbers, TRUE/FALSE and blanks apart, and the engine's own
 * JSON.stringify writes it three times faster than a loop of concatenations; it writes -0 as 0
 * and NaN or ±Infinity as null, so those numbers follow it by position. A JSON value ends where
 * its brackets close, and what follows holds no `|`, so the keys of a case's tables join unambiguously.
 */
function gridKey(grid: Grid | undefined): string {
  return grid === undefined ? 'x' : JSON.stringify(grid) + unspelled(grid);
}

/**
 * The exact content of a case as a string: equal for equal content, different otherwise
 * (texts quoted, numbers spelled exactly, types apart, absent tables marked).
 *
 * @example
 *   caseKey({ metrics: [['Metric']], costs: [[1]] }) === caseKey({ metrics: [['Metric']], costs: [['1']] }) // false
 */
export function caseKey(input: CaseInput): string {
  return TABLE_ORDER.map((table) => gridKey(input[table])).join('|') + placesKey(input.places);
}

/**
 * Where the tables are, as part of the key: the same tables cited at other cells are another
 * result (its reasons name other cells); no places, the key of the tables alone.
 */
function placesKey(places: CaseInput['places']): string {
  if (places === undefined) return '';
  const place = (p: TablePlace | undefined): string => (p === undefined ? 'x' : `s${p.sheet.length}:${p.sheet}r${p.row};c${p.column};`);
  return `@${PLACE_ORDER.map((table) => place(places[table])).join('')}`;
}

/**
 * Evaluates each distinct case once and hands the same result (or the same error) to every
 * function that asks about it. Create one per host — the custom-functions runtime, a
 * HyperFormula engine — and pass it to the functions; results are shared, never mutated.
 *
 * @example
 *   const cases = new CaseCache();
 *   cases.evaluate(sampleCase()).npv; // evaluates
 *   cases.evaluate(sampleCase()).irr; // same content: the cached result
 */
export class CaseCache {
  /** What evaluating each case gave: its result, or the engine error it threw (bad input is cached too). */
  private readonly entries = new Map<string, Outcome<CaseResult>>();
  private readonly evaluator: (input: CaseInput) => CaseResult;
  private readonly capacity: number;

  constructor(options: CaseCacheOptions = {}) {
    this.evaluator = options.evaluate ?? evaluateCase;
    this.capacity = Math.max(1, Math.floor(options.capacity ?? DEFAULT_CASE_CAPACITY));
  }

  /** Cases held now. */
  get size(): number {
    return this.entries.size;
  }

  /**
   * The result of the case, evaluated once per distinct content. Throws the engine's ModelError
   * (CaseInputError for bad input) exactly as evaluateCase does, from the cache too.
   */
  evaluate(input: CaseInput): CaseResult {
    // A table longer than the engine reads is refused in one pass over its rows, for less than its key would cost: such a case is not kept.
    if (TABLE_ORDER.some((table) => (input[table]?.length ?? 0) > MAX_TABLE_ROWS + 1)) return this.evaluator(input);
    const key = caseKey(input);
    let outcome = this.entries.get(key);
    if (outcome) {
      // Most recently used goes last, so the first entry is the one to drop.
      this.entries.delete(key);
    } else {
      // Only the engine's own errors are a property of the content; anything else is a defect, thrown on and not cached.
      outcome = outcomeOf(() => this.evaluator(input));
      if (this.entries.size >= this.capacity) {
        const oldest = this.entries.keys().next();
        if (!oldest.done) this.entries.delete(oldest.value);
      }
    }
    this.entries.set(key, outcome);
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }
}
