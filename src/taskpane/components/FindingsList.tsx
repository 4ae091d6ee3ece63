import { Button, Caption1, makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import type { Finding } from '../../usecases';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', rowGap: tokens.spacingVerticalXS },
  item: { justifyContent: 'flex-start', textAlign: 'start', height: 'auto', paddingBlock: tokens.spacingVerticalXS },
  text: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  // A tag in the colours of Fluent's tint Badge, drawn here: Badge weighs more in the JavaScript
  // the pane loads first than two coloured words are worth.
  tag: {
    flexShrink: 0,
    paddingInline: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase100,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase200,
    ...shorthands.borderStyle('solid'),
    ...shorthands.borderWidth(tokens.strokeWidthThin),
  },
  problem: { backgroundColor: tokens.colorPaletteRedBackground1, color: tokens.colorPaletteRedForeground1, ...shorthands.borderColor(tokens.colorPaletteRedBorder1) },
  warning: { backgroundColor: tokens.colorPaletteDarkOrangeBackground1, color: tokens.colorPaletteDarkOrangeForeground1, ...shorthands.borderColor(tokens.colorPaletteDarkOrangeBorder1) },
});

/**
 * The problems and warnings, each a button that selects its cell in the workbook.
 *
 * @example
 *   <FindingsList findings={state.findings} disabled={false} onSelect={actions.select} />
 */
export function FindingsList({ findings, disabled, onSelect }: { findings: Finding[]; disabled: boolean; onSelect(f: Finding): void }) {
  const styles = useStyles();
  if (findings.length === 0) return <Caption1>No problems found.</Caption1>;
  return (
    <ul className={styles.list} aria-label="Problems and warnings">
      {findings.map((f, i) => (
        <li key={`${f.table}-${f.row}-${f.column}-${i}`}>
          <Button
            className={styles.item}
            appearance="subtle"
            disabledFocusable={disabled}
            onClick={() => onSelect(f)}
            aria-label={`${f.severity === 'error' ? 'Problem' : 'Warning'} at ${f.cell ?? f.table}: ${f.table} row ${f.row}, ${f.column}: ${f.message}. Select the cell.`}
          >
            <span className={styles.text}>
              <span className={mergeClasses(styles.tag, f.severity === 'error' ? styles.problem : styles.warning)}>{f.severity === 'error' ? 'Problem' : 'Warning'}</span>
              <span>
                <strong>{f.cell ?? f.table}</strong> {f.table} row {f.row}, {f.column}: {f.message}
              </span>
            </span>
          </Button>
        </li>
      ))}
    </ul>
  );
}
