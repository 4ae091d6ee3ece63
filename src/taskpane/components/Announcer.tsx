import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  status: { color: tokens.colorNeutralForeground2, minHeight: '1.25em' },
});

/**
 * Where the pane speaks: the last status politely (a screen reader reads it when idle), an
 * error at once.
 *
 * @example
 *   <Announcer status={state.status} error={state.error} />
 */
export function Announcer({ status, error }: { status: string; error: string | null }) {
  const styles = useStyles();
  return (
    <>
      <div role="status" aria-live="polite" className={styles.status}>
        {status}
      </div>
      <div role="alert" aria-live="assertive">
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>Something needs attention</MessageBarTitle>
              {error}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </>
  );
}
