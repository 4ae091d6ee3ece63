import { Suspense, lazy } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';

// Prefetched once the page has loaded, so it is there before the pane's first error.
const ErrorBar = lazy(() => import(/* webpackChunkName: "error-bar", webpackPrefetch: true */ './ErrorBar'));

const useStyles = makeStyles({
  status: { color: tokens.colorNeutralForeground2, minHeight: '1.25em' },
});

/**
 * Where the pane speaks: the last status politely (a screen reader reads it when idle), an
 * error at once. The alert region is always there; until the error's bar has arrived, the error
 * is its plain words in it.
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
          <Suspense fallback={<p>Something needs attention: {error}</p>}>
            <ErrorBar error={error} />
          </Suspense>
        )}
      </div>
    </>
  );
}
