import { Button, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { VERDICT_COLOURS, qualifiedA1 } from '../../usecases';
import type { ReactNode } from 'react';
import type { CardAction, CardFigure, DecisionCard as Card, RangeAddress } from '../../usecases';
import type { Freshness } from '../hooks/useTaskPane';

const useStyles = makeStyles({
  card: { display: 'grid', rowGap: tokens.spacingVerticalM, minWidth: 0, overflowWrap: 'anywhere' },
  verdictLine: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: tokens.spacingHorizontalS, margin: 0 },
  verdict: {
    display: 'inline-block',
    paddingInline: tokens.spacingHorizontalM,
    paddingBlock: tokens.spacingVerticalXS,
    borderRadius: tokens.borderRadiusMedium,
    fontWeight: tokens.fontWeightBold,
    fontSize: tokens.fontSizeBase500,
    // In high contrast the fill is dropped: the border keeps the verdict a shape of its own.
    border: `${tokens.strokeWidthThin} solid transparent`,
  },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', rowGap: tokens.spacingVerticalXS },
  check: { display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  mark: { fontWeight: tokens.fontWeightBold, minWidth: '1.25em' },
  passed: { color: tokens.colorPaletteGreenForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1 },
  // Two by two, whatever the pane's width: the four figures read as one block.
  figures: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: tokens.spacingHorizontalS, margin: 0 },
  figure: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  figureValue: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  action: {
    justifyContent: 'flex-start',
    textAlign: 'start',
    height: 'auto',
    minWidth: 0,
    maxWidth: '100%',
    whiteSpace: 'normal',
    paddingBlock: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightRegular,
  },
  actionText: { display: 'grid', rowGap: tokens.spacingVerticalXXS },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  reasons: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'grid', rowGap: tokens.spacingVerticalXS },
  stale: { color: tokens.colorPaletteRedForeground1 },
});

export interface DecisionCardProps {
  card: Card;
  freshness: Freshness;
  /** False where the host cannot tell of changes: the card then says it shows the last Evaluate. */
  watching: boolean;
  block: RangeAddress | null;
  disabled: boolean;
  onSelect(action: CardAction): void;
  /** The "How sure?" section, shown under the figures. */
  howSure?: ReactNode;
}

/**
 * The answer at a glance: the verdict, the four checks of SPEC §3.8 with their figures and rules,
 * the headline figures, what must be true first (each selects its cell) and the reasons, grouped.
 * Everything it shows was planned by the use cases (planCard); it computes nothing.
 *
 * @example
 *   <DecisionCard card={state.card} freshness={state.freshness} watching block={state.block} disabled={false} onSelect={actions.selectAction} />
 */
export function DecisionCard({ card, freshness, watching, block, disabled, onSelect, howSure }: DecisionCardProps) {
  const styles = useStyles();
  const colours = VERDICT_COLOURS[card.verdict];
  return (
    <div className={styles.card}>
      <p className={styles.verdictLine}>
        <span>Verdict:</span>
        <span className={styles.verdict} style={{ backgroundColor: colours.fill, color: colours.fontColor }} data-testid="verdict">
          {card.verdict}
        </span>
        <Caption1 className={freshness.kind === 'stale' ? styles.stale : undefined} data-testid="freshness">
          {freshnessText(freshness, watching)}
        </Caption1>
      </p>

      <section aria-labelledby="pg-checks">
        <Subtitle2 as="h3" id="pg-checks">
          The four checks
        </Subtitle2>
        <ul className={styles.list} aria-labelledby="pg-checks">
          {card.checks.map((check) => (
            <li key={check.key} className={styles.check}>
              <span className={`${styles.mark} ${check.passed ? styles.passed : styles.failed}`} aria-hidden="true">
                {check.passed ? '✓' : '✗'}
              </span>
              <span>
                <strong>
                  {check.label} {check.passed ? 'passed' : 'not passed'}
                </strong>
                : {check.parts.map((p) => p.text).join('; ')}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <FigureList figures={card.figures} label="Figures" />

      {/* "How sure?" (the simulation of SPEC §3.10), under the figures it qualifies. */}
      {howSure}

      {card.actions.length > 0 && (
        <section aria-labelledby="pg-actions">
          <Subtitle2 as="h3" id="pg-actions">
            What must be true first
          </Subtitle2>
          <ol className={styles.list} aria-labelledby="pg-actions">
            {card.actions.map((a, i) => (
              <li key={i}>
                <Button className={styles.action} appearance="subtle" disabledFocusable={disabled || a.where === null} onClick={() => onSelect(a)}>
                  <span className={styles.actionText}>
                    <span>{a.action}</span>
                    <span className={styles.meta}>
                      {a.owner ? `Owner: ${a.owner}` : 'No owner named'} · {a.source}
                      {a.cell ? ` (${a.cell})` : ''}
                    </span>
                  </span>
                </Button>
              </li>
            ))}
          </ol>
        </section>
      )}

      <section aria-labelledby="pg-reasons">
        <Subtitle2 as="h3" id="pg-reasons">
          Why
        </Subtitle2>
        <ol className={styles.reasons} aria-label="Reasons">
          {card.reasons.map((group, i) => (
            <li key={i}>
              {group.items.length === 1 ? (
                group.text
              ) : (
                <details>
                  <summary>{group.text}</summary>
                  <ul>
                    {group.items.map((item, j) => (
                      <li key={j}>{item}</li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          ))}
        </ol>
      </section>
      {block && <Caption1>Live formulas in {qualifiedA1(block)}; they recalculate as the inputs change.</Caption1>}
    </div>
  );
}

/**
 * Headline figures two by two, each with its note.
 *
 * @example
 *   <FigureList figures={card.figures} label="Figures" />
 */
export function FigureList({ figures, label }: { figures: readonly CardFigure[]; label: string }) {
  const styles = useStyles();
  return (
    <dl className={styles.figures} aria-label={label}>
      {figures.map((f) => (
        <div key={f.label} className={styles.figure}>
          <dt className={styles.meta}>{f.label}</dt>
          <dd className={styles.figureValue}>{f.value}</dd>
          <dd className={styles.meta} style={{ margin: 0 }}>
            {f.note}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function freshnessText(freshness: Freshness, watching: boolean): string {
  if (freshness.kind === 'stale') return `Out of date: ${freshness.why}.`;
  if (!watching) return 'As of the last Evaluate (this Excel does not tell the pane of changes).';
  return freshness.refreshed ? 'Updated from the sheet.' : 'Follows the sheet as it changes.';
}
