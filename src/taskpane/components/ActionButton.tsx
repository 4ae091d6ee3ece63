import { Button, makeStyles, shorthands, tokens } from '@fluentui/react-components';
import type { ButtonProps } from '@fluentui/react-components';
import type { ActionName } from '../hooks/useTaskPane';

// A ring that turns, in the theme's colours: Fluent's Spinner weighs more in the JavaScript the
// pane loads first than this one icon is worth.
const useStyles = makeStyles({
  spinner: {
    display: 'inline-block',
    boxSizing: 'border-box',
    width: '12px',
    height: '12px',
    borderRadius: '50%',
    ...shorthands.border(tokens.strokeWidthThick, 'solid', tokens.colorNeutralStroke1),
    borderTopColor: tokens.colorBrandStroke1,
    // The rotate property, not transform: Griffel mirrors a transform's rotation for right-to-left
    // pages with rtl-css-js, which builds four regular expressions of several hundred characters
    // for each one (80 ms of the workbench's first render on a 2-core machine, for a spinner whose
    // turning direction says nothing).
    animationName: { from: { rotate: '0deg' }, to: { rotate: '360deg' } },
    animationDuration: '0.9s',
    animationTimingFunction: 'linear',
    animationIterationCount: 'infinite',
    '@media (prefers-reduced-motion: reduce)': { animationDuration: '3s' },
  },
});

export interface ActionButtonProps {
  action: ActionName;
  busy: ActionName | null;
  label: string;
  /** Shown while this action runs ("Evaluating…"). */
  busyLabel: string;
  onClick(): void;
  appearance?: ButtonProps['appearance'];
  /** A longer accessible name, when the visible label is short; it must begin with the label (WCAG 2.5.3, label in name). */
  ariaLabel?: string;
  /** Nothing to do yet (Undo before any Evaluate): disabled, but still focusable. */
  disabled?: boolean;
}

/**
 * A button for one action: disabled (but still focusable, so keyboard focus stays put) while
 * any action runs, with a spinner and a working label while its own action runs.
 *
 * @example
 *   <ActionButton action="evaluate" busy={state.busy} label="Evaluate" busyLabel="Evaluating…" onClick={actions.evaluate} />
 */
export function ActionButton(props: ActionButtonProps) {
  const styles = useStyles();
  const running = props.busy === props.action;
  return (
    <Button
      appearance={props.appearance ?? 'secondary'}
      disabledFocusable={props.busy !== null || props.disabled === true}
      aria-busy={running || undefined}
      aria-label={props.ariaLabel}
      icon={running ? <span className={styles.spinner} role="progressbar" aria-label={props.busyLabel} /> : undefined}
      onClick={props.onClick}
    >
      {running ? props.busyLabel : props.label}
    </Button>
  );
}
