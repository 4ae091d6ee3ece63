import { Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { TableName } from '../../model/types';
import { ROLES, describeSource, sourceExtent, sourceKey } from '../../usecases';
import type { TableSource } from '../../usecases';
import type { TaskPaneActions, TaskPaneState } from '../hooks/useTaskPane';
import { ActionButton } from './ActionButton';
import { ColumnMap } from './ColumnMap';

const useStyles = makeStyles({
  table: {
    display: 'grid',
    rowGap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // The chooser and its button side by side while they fit, the button below in a narrow pane.
  chooser: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, alignItems: 'end' },
  field: { flexGrow: 1, flexBasis: '12rem', minWidth: 0 },
  select: { minWidth: 0, maxWidth: '100%' },
});

const REQUIRED = new Set<TableName>(['Metrics', 'Costs']);

/**
 * One chooser per table: where it is read from (found candidates, or the selection), and the
 * columns as understood.
 *
 * @example
 *   <TablesSection state={state} actions={actions} />
 */
export function TablesSection({ state, actions }: { state: TaskPaneState; actions: TaskPaneActions }) {
  return (
    <div>
      {ROLES.map((table) => (
        <TableChooser key={table} table={table} state={state} actions={actions} />
      ))}
    </div>
  );
}

function TableChooser({ table, state, actions }: { table: TableName; state: TaskPaneState; actions: TaskPaneActions }) {
  const styles = useStyles();
  const source = state.sources[table];
  const candidates = state.found?.candidates[table] ?? [];
  const options = new Map<string, { label: string; source: TableSource }>();
  for (const c of candidates) options.set(sourceKey(c.source), { label: c.label, source: c.source });
  if (source && !options.has(sourceKey(source))) options.set(sourceKey(source), { label: describeSource(source), source });
  const extent = source && state.found ? sourceExtent(source, state.found.survey) : null;
  const busy = state.busy !== null;
  return (
    <div className={styles.table} role="group" aria-label={`${table} table`}>
      <div className={styles.chooser}>
        <Field className={styles.field} label={`${table}${REQUIRED.has(table) ? ' (required)' : ' (optional)'}`}>
          <Select
            className={styles.select}
            value={source ? sourceKey(source) : ''}
            disabled={busy}
            onChange={(_, data) => actions.chooseSource(table, options.get(data.value)?.source ?? null)}
          >
            <option value="">{REQUIRED.has(table) ? 'Not chosen yet' : 'Not used'}</option>
            {[...options].map(([key, o]) => (
              <option key={key} value={key}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
        <ActionButton
          action="selection"
          busy={state.busy}
          label="Use selection"
          busyLabel="Reading…"
          ariaLabel={`Use selection as the ${table} table`}
          onClick={() => void actions.takeSelectionFor(table)}
        />
      </div>
      {extent && (
        <details>
          <summary>Columns understood</summary>
          <ColumnMap
            table={table}
            header={extent.header}
            disabled={busy}
            onFix={(index, column) => void actions.fixMapping(table, extent.range, index, column)}
          />
        </details>
      )}
    </div>
  );
}
