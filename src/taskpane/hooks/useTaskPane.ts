import { startTransition, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CaseResult, TableName } from '../../model/types';
import { describeSource, keptSources, qualifiedA1 } from '../../usecases';
import type {
  CardAction,
  CellAddress,
  DecisionCard,
  Finding,
  InputSources,
  LastEvaluate,
  PendingBlock,
  RangeAddress,
  TableSource,
  TablesFound,
  UseCases,
} from '../../usecases';

export type ActionName = 'template' | 'find' | 'selection' | 'mapping' | 'check' | 'evaluate' | 'place' | 'undo' | 'snapshot' | 'select';

/** Whether the card shows what the sheet says now. */
export type Freshness =
  /** As evaluated (or as refreshed after the last change). */
  | { kind: 'current'; refreshed: boolean }
  /** The sheet changed and the card could not follow: why, for people. */
  | { kind: 'stale'; why: string };

/** Cells in the way of the block, waiting for the person's choice. */
export interface Conflict {
  cells: CellAddress[];
  pending: PendingBlock;
  result: CaseResult;
  card: DecisionCard;
  warnings: Finding[];
}

export interface TaskPaneState {
  /** The action running now; every action button is disabled meanwhile. */
  busy: ActionName | null;
  /** The last thing that happened, announced politely. */
  status: string;
  /** What went wrong, announced at once; null when nothing did. */
  error: string | null;
  found: TablesFound | null;
  sources: InputSources;
  /** null until Check inputs (or Evaluate) ran. */
  findings: Finding[] | null;
  result: CaseResult | null;
  /** The decision card of `result`. */
  card: DecisionCard | null;
  freshness: Freshness;
  block: RangeAddress | null;
  conflict: Conflict | null;
  /** What undoing the last Evaluate takes; null when there is nothing to undo. */
  last: LastEvaluate | null;
  snapshotSheet: string | null;
}

export interface TaskPaneActions {
  insertTemplate(): Promise<void>;
  findTables(): Promise<void>;
  takeSelectionFor(table: TableName): Promise<void>;
  chooseSource(table: TableName, source: TableSource | null): void;
  fixMapping(table: TableName, range: RangeAddress, index: number, column: string): Promise<void>;
  check(): Promise<void>;
  evaluate(): Promise<void>;
  resolveConflict(choice: 'replace' | 'newSheet' | 'cancel'): Promise<void>;
  undo(): Promise<void>;
  snapshot(): Promise<void>;
  select(finding: Finding): Promise<void>;
  /** Selects the cell an action of the card comes from. */
  selectAction(action: CardAction): Promise<void>;
  /** Reads the sheet again after it changed and shows its verdict, without writing; quiet, and skipped while an action runs. */
  refreshFromSheet(): Promise<void>;
}

const INITIAL: TaskPaneState = {
  busy: null,
  status: '',
  error: null,
  found: null,
  sources: {},
  findings: null,
  result: null,
  card: null,
  freshness: { kind: 'current', refreshed: false },
  block: null,
  conflict: null,
  last: null,
  snapshotSheet: null,
};

/** The actions that write to the workbook, whose result the sheet shows before the pane does. */
const WRITES: ReadonlySet<ActionName> = new Set<ActionName>(['evaluate', 'place', 'undo']);

/**
 * The pane's state and the actions a person takes, in the order of their day. Each action is
 * one use case; figures come from the engine through them, never from here.
 *
 * @example
 *   const [state, actions] = useTaskPane(createUseCases({ port, now: () => new Date() }));
 *   await actions.evaluate();
 */
export function useTaskPane(useCases: UseCases): [TaskPaneState, TaskPaneActions] {
  const [state, setState] = useState<TaskPaneState>(INITIAL);
  // Actions read the latest state through a ref, so their identities stay stable across renders.
  const stateRef = useRef(state);
  useLayoutEffect(() => {
    stateRef.current = state;
  });
  // Set at once, before React renders, so a second click cannot start a second action.
  const busyRef = useRef<ActionName | null>(null);
  /** How many actions have started: a sheet refresh that began before the latest one drops its result. */
  const startedRef = useRef(0);
  const patch = useCallback((p: Partial<TaskPaneState>) => setState((s) => ({ ...s, ...p })), []);

  /** Runs one action: marks it busy, clears the last error, turns a failure into a message. */
  const run = useCallback(
    async (name: ActionName, working: string, body: () => Promise<Partial<TaskPaneState>>): Promise<void> => {
      if (busyRef.current) return;
      busyRef.current = name;
      startedRef.current += 1;
      patch({ busy: name, status: working, error: null });
      try {
        const result = await body();
        const settle = (): void => setState((s) => ({ ...s, ...result, busy: null }));
        // What an action wrote is on the sheet already: the sheet paints it first, and the pane's card
        // and status follow as a transition (the card's render took the frame the verdict waited for).
        if (WRITES.has(name)) startTransition(settle);
        else settle();
      } catch (error) {
        setState((s) => ({ ...s, busy: null, status: '', error: messageOf(error) }));
      } finally {
        busyRef.current = null;
      }
    },
    [patch],
  );

  const actions = useMemo<TaskPaneActions>(
    () => ({
      insertTemplate: () =>
        run('template', 'Inserting the template…', async () => {
          const inserted = await useCases.insertTemplate();
          const found = await useCases.findTables();
          return {
            found,
            sources: inserted.sources,
            findings: null,
            status: `Inserted ${inserted.sheets.length} sheets (${inserted.sheets.join(', ')}) with the sample tables.`,
          };
        }),
      findTables: () =>
        run('find', 'Looking for the tables…', async () => {
          const found = await useCases.findTables();
          const named = (Object.keys(found.sources) as TableName[]).length;
          return {
            found,
            sources: keptSources(stateRef.current.sources, found, stateRef.current.found),
            findings: null,
            status: named === 0 ? 'No tables found: insert the template, or select a table and use the selection.' : `Found ${named} of 5 tables.`,
          };
        }),
      takeSelectionFor: (table) =>
        run('selection', `Reading the selection for ${table}…`, async () => {
          const { source, found } = await useCases.selectionSource();
          if (!source) throw new Error('Select a cell or range of the table first (a range of cells, not a chart).');
          return {
            found,
            sources: { ...stateRef.current.sources, [table]: source },
            findings: null,
            status: `${table} now reads ${source.kind === 'table' ? `table "${source.name}"` : qualifiedA1(source.header)}.`,
          };
        }),
      chooseSource: (table, source) =>
        setState((s) => {
          const sources = { ...s.sources };
          if (source) sources[table] = source;
          else delete sources[table];
          return { ...s, sources, findings: null, status: source ? `${table} source changed.` : `${table} will not be used.` };
        }),
      fixMapping: (table, range, index, column) =>
        run('mapping', `Renaming the header to "${column}"…`, async () => {
          await useCases.renameHeader(range, index, column);
          const found = await useCases.findTables();
          return {
            found,
            sources: keptSources(stateRef.current.sources, found, stateRef.current.found),
            findings: null,
            status: `${table}: the header now reads "${column}".`,
          };
        }),
      check: () =>
        run('check', 'Checking the inputs…', async () => {
          const { findings } = await useCases.check(stateRef.current.sources);
          const errors = findings.filter((f) => f.severity === 'error').length;
          return {
            findings,
            status:
              findings.length === 0
                ? 'The inputs are usable: no problems found.'
                : `${errors} problem${errors === 1 ? '' : 's'} and ${findings.length - errors} warning${findings.length - errors === 1 ? '' : 's'} found.`,
          };
        }),
      evaluate: () =>
        run('evaluate', 'Evaluating…', async () => {
          const { sources, found } = await useCases.sourcesToEvaluate(stateRef.current.sources);
          const chosen = found ? { found, sources } : {};
          // Said first when the pane chose the tables itself, so the person knows what was read.
          const used = found ? `Used ${usedTables(sources)}. ` : '';
          const evaluation = await useCases.evaluate(sources);
          if (evaluation.kind === 'problems') {
            return {
              ...chosen,
              findings: evaluation.findings,
              result: null,
              card: null,
              status: `${used}Not evaluated: ${problems(evaluation.findings.length)} to fix first.`,
            };
          }
          if (evaluation.kind === 'conflict') {
            return {
              ...chosen,
              conflict: { cells: evaluation.conflicts, pending: evaluation.pending, result: evaluation.result, card: evaluation.card, warnings: evaluation.warnings },
              status: `${used}Cells in the way of the output block: choose where it goes.`,
            };
          }
          const done = written(evaluation.result, evaluation.card, evaluation.block, evaluation.warnings);
          return { ...chosen, ...done, status: `${used}${done.status}`, last: evaluation.last };
        }),
      resolveConflict: async (choice) => {
        const conflict = stateRef.current.conflict;
        if (!conflict) return;
        if (choice === 'cancel') {
          patch({ conflict: null, status: 'Nothing was written.' });
          return;
        }
        // The question is answered either way: a refusal is said in the pane, not in the dialog.
        patch({ conflict: null });
        await run('place', 'Writing the output block…', async () => {
          const placed = await useCases.placeBlock(conflict.pending, choice);
          return { ...written(conflict.result, conflict.card, placed.block, conflict.warnings), last: placed.last };
        });
      },
      undo: () =>
        run('undo', 'Undoing the last Evaluate…', async () => {
          const last = stateRef.current.last;
          if (!last) throw new Error('There is no Evaluate to undo.');
          const restored = await useCases.undo(last);
          return {
            last: null,
            result: null,
            block: null,
            status: restored
              ? `Undone: what the last Evaluate replaced is back at ${qualifiedA1(restored)}.`
              : `Undone: the block and its sheet "${last.block.sheet}" are gone, as before the last Evaluate.`,
          };
        }),
      snapshot: () =>
        run('snapshot', 'Copying the block as values…', async () => {
          const copy = await useCases.snapshot(stateRef.current.sources);
          if (copy.kind === 'problems') return { findings: copy.findings, status: `Not copied: ${problems(copy.findings.length)} to fix first.` };
          return { snapshotSheet: copy.sheet, status: `Snapshot written to sheet "${copy.sheet}".` };
        }),
      select: (finding) =>
        run('select', `Selecting ${finding.cell ?? finding.table}…`, async () => {
          if (!finding.where) throw new Error(`The ${finding.table} table was not read; choose it under Tables.`);
          await useCases.select(finding.where);
          return { status: `Selected ${finding.cell}.` };
        }),
      selectAction: (action) =>
        run('select', `Selecting ${action.cell ?? action.source}…`, async () => {
          if (!action.where) throw new Error(`${action.source}: there is no cell to select; the row is missing from the table.`);
          await useCases.select(action.where);
          return { status: `Selected ${action.cell}.` };
        }),
      refreshFromSheet: async () => {
        const { card, sources } = stateRef.current;
        if (busyRef.current || !card) return;
        const started = startedRef.current;
        let update: Partial<TaskPaneState>;
        try {
          const assessed = await useCases.assess(sources);
          update =
            assessed.kind === 'evaluated'
              ? {
                  result: assessed.result,
                  card: assessed.card,
                  freshness: { kind: 'current', refreshed: true },
                  // The status line is left as it is unless the verdict turned.
                  ...(assessed.card.verdict === card.verdict ? {} : { status: `The sheet changed: the verdict is now ${assessed.card.verdict}.` }),
                }
              : { freshness: { kind: 'stale', why: `the inputs now have ${problems(assessed.findings.length)}: press Check inputs` } };
        } catch (error) {
          update = { freshness: { kind: 'stale', why: messageOf(error) } };
        }
        // An action that started meanwhile (running or already done) has the last word.
        if (!busyRef.current && startedRef.current === started) patch(update);
      },
    }),
    [useCases, run, patch],
  );

  return [state, actions];
}

function written(result: CaseResult, card: DecisionCard, block: RangeAddress, warnings: Finding[]): Partial<TaskPaneState> & { status: string } {
  return {
    result,
    card,
    freshness: { kind: 'current', refreshed: false },
    block,
    findings: warnings,
    status: `Verdict: ${result.verdict}. Output block written to ${qualifiedA1(block)}.`,
  };
}

/** `Metrics (Table "Metrics" …) and Costs (…)`: the tables an Evaluate read. */
function usedTables(sources: InputSources): string {
  const named = (Object.entries(sources) as [TableName, TableSource][]).map(([table, source]) => `${table} (${describeSource(source)})`);
  return named.length <= 1 ? named.join('') : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
}

/** "1 problem", "3 problems". */
function problems(count: number): string {
  return `${count} problem${count === 1 ? '' : 's'}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
