import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { CaseResult } from '../../model';
import { VERDICT_COLOURS, qualifiedA1 } from '../../usecases';
import type { RangeAddress } from '../../usecases';

const useStyles = makeStyles({
  verdict: {
    display: 'inline-block',
    paddingInline: tokens.spacingHorizontalM,
    paddingBlock: tokens.spacingVerticalXS,
    borderRadius: tokens.borderRadiusMedium,
    fontWeight: tokens.fontWeightBold,
    fontSize: tokens.fontSizeBase500,
  },
  reasons: { paddingInlineStart: tokens.spacingHorizontalL, margin: 0 },
});

/**
 * The verdict, coloured as in the workbook, and its reasons, as the engine gave them.
 *
 * @example
 *   <VerdictView result={state.result} block={state.block} />
 */
export function VerdictView({ result, block }: { result: CaseResult; block: RangeAddress | null }) {
  const styles = useStyles();
  const colours = VERDICT_COLOURS[result.verdict];
  return (
    <div>
      <p>
        Verdict:{' '}
        <span className={styles.verdict} style={{ backgroundColor: colours.fill, color: colours.fontColor }} data-testid="verdict">
          {result.verdict}
        </span>
      </p>
      <ol className={styles.reasons} aria-label="Reasons">
        {result.reasons.map((reason, i) => (
          <li key={i}>{reason}</li>
        ))}
      </ol>
      {block && <Caption1>Live formulas in {qualifiedA1(block)}; they recalculate as the inputs change.</Caption1>}
    </div>
  );
}
