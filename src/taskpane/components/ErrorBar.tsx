import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/**
 * An error as the pane shows it: Fluent's MessageBar, in a chunk of its own (the pane fetches it
 * once it is usable, before any error), so the script loaded before the pane is usable does not
 * carry it.
 *
 * @example
 *   <ErrorBar error="The Metrics table has no Baseline column." />
 */
export default function ErrorBar({ error }: { error: string }) {
  return (
    <MessageBar intent="error">
      <MessageBarBody>
        <MessageBarTitle>Something needs attention</MessageBarTitle>
        {error}
      </MessageBarBody>
    </MessageBar>
  );
}
