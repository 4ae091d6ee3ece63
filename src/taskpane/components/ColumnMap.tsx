import { Caption1, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { Cell, TableName } from '../../model/types';
import { SPECS, columnChoices, mapColumns } from '../../usecases';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', rowGap: tokens.spacingVerticalXS },
  row: { display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: tokens.spacingHorizontalS, alignItems: 'center' },
  missing: { color: tokens.colorPaletteRedForeground1 },
});

export interface ColumnMapProps {
  table: TableName;
  header: Cell[];
  disabled: boolean;
  /** The person maps header `index` to `column`: the header cell is renamed. */
  onFix(index: number, column: string): void;
}

/**
 * Which column each header was understood as, with a choice to fix it (renaming the header
 * so the engine and the live formulas read it the same way), and the required columns missing.
 *
 * @example
 *   <ColumnMap table="Metrics" header={['KPI', 'Current', 'Goal']} disabled={false} onFix={fix} />
 */
export function ColumnMap({ table, header, disabled, onFix }: ColumnMapProps) {
  const styles = useStyles();
  const mapping = mapColumns(table, header);
  const choices = columnChoices(table);
  const found = new Set(mapping.map((m) => m.column));
  const missing = (SPECS[table]?.columns ?? []).filter((c) => c.required && !found.has(c.name)).map((c) => c.name);
  return (
    <div>
      <ul className={styles.list}>
        {mapping.map((m) =>
          m.header === '' ? null : (
            <li key={m.index} className={styles.row}>
              <span>“{m.header}”</span>
              {choices.length === 0 ? (
                <Caption1>{m.column}</Caption1>
              ) : (
                <Select
                  size="small"
                  aria-label={`${table} column “${m.header}” is read as`}
                  value={m.repeated || m.column === null ? '' : m.column}
                  disabled={disabled}
                  onChange={(_, data) => data.value && onFix(m.index, data.value)}
                >
                  <option value="" disabled>
                    {m.repeated ? `ignored (repeats ${m.column})` : 'ignored (not understood)'}
                  </option>
                  {choices.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </Select>
              )}
            </li>
          ),
        )}
      </ul>
      {missing.length > 0 && (
        <Caption1 className={styles.missing}>Missing: {missing.join(', ')}. Map a column to it, or add one.</Caption1>
      )}
    </div>
  );
}
