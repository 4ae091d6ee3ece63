/**
 * One evaluation per case content. A sheet holds PILOT.NPV, PILOT.IRR, PILOT.VERDICT … over the
 * same tables; Excel calls each function separately, so without this each would read, parse and
 * evaluate the whole case again. The cache is keyed by the content of the tables themselves — an
 * exact serialisation, not a hash — so different content always gets a different key and a
 * result can never be stale. It holds a bounded number of cases, dropping the least recently used.
 */
import { evaluateCase } from '../model/case';
import type { CaseInput, CaseResult, Cell, Grid } from '../model/types';
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

/** A cell's key: a type tag and a payload with an explicit end, so no two cells share a key. */
function cellKey(cell: Cell): string {
  if (cell === null) return '_';
  if (typeof cell === 'boolean') return cell ? 'T' : 'F';
  if (typeof cell === 'number') return `n${Object.is(cell, -0) ? '-0' : String(cell)};`;
  return `s${cell.length}:${cell}`;
}

function gridKey(grid: Grid | undefined): string {
  if (grid === undefined) return 'x';
  let key = `g${grid.length}[`;
  for (const row of grid) {
    key += `r${row.length}:`;
    for (const cell of row) key += cellKey(cell);
  }
  return `${key}]`;
}

/**
 * The exact content of a case as a string: equal for equal content, different otherwise
 * (strings are length-prefixed, numbers terminated, types tagged, absent tables marked).
 *
 * @example
 *   caseKey({ metrics: [['Metric']], costs: [[1]] }) === caseKey({ metrics: [['Metric']], costs: [['1']] }) // false
 */
export function caseKey(input: CaseInput): string {
  return TABLE_ORDER.map((table) => gridKey(input[table])).join('|');
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
