import { Button, Spinner } from '@fluentui/react-components';
import type { ButtonProps } from '@fluentui/react-components';
import type { ActionName } from '../hooks/useTaskPane';

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
}

/**
 * A button for one action: disabled (but still focusable, so keyboard focus stays put) while
 * any action runs, with a spinner and a working label while its own action runs.
 *
 * @example
 *   <ActionButton action="evaluate" busy={state.busy} label="Evaluate" busyLabel="Evaluating…" onClick={actions.evaluate} />
 */
export function ActionButton(props: ActionButtonProps) {
  const running = props.busy === props.action;
  return (
    <Button
      appearance={props.appearance ?? 'secondary'}
      disabledFocusable={props.busy !== null}
      aria-busy={running || undefined}
      aria-label={props.ariaLabel}
      icon={running ? <Spinner size="extra-tiny" aria-label={props.busyLabel} /> : undefined}
      onClick={props.onClick}
    >
      {running ? props.busyLabel : props.label}
    </Button>
  );
}
