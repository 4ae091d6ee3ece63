import { Body1, FluentProvider, Title3, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { HelpLine, TextLink } from './components/TextLink';

const useStyles = makeStyles({
  page: { display: 'grid', rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL, maxWidth: '40rem' },
  line: { margin: 0 },
  steps: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'grid', rowGap: tokens.spacingVerticalXS },
});

/**
 * What the task pane's page shows when it is opened outside Office (in a browser tab): how to
 * load it in Excel, and where to try it without Excel, instead of a blank page.
 *
 * @example
 *   createRoot(el).render(<OutsideOffice />);
 */
export function OutsideOffice() {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.page}>
        <Title3 as="h1" block className={styles.line}>
          Pilot Gate
        </Title3>
        <Body1 as="p" block className={styles.line}>
          This is the task pane of an Excel add-in: it works inside Excel, not in a browser tab on its own. To load it:
        </Body1>
        <ol className={styles.steps}>
          <li>Excel on Windows or macOS: run <code>npx office-addin-debugging start manifest.xml</code> from the add-in’s folder.</li>
          <li>Excel on the web: Home › Add-ins › More Add-ins › Upload My Add-in, and choose <code>manifest.xml</code>.</li>
          <li>Then Home › Pilot Gate opens the pane.</li>
        </ol>
        <Body1 as="p" block className={styles.line}>
          To try it without Excel, open the <TextLink href="workbench.html">workbench</TextLink> that <code>npm start</code> serves beside it.
        </Body1>
        <Body1 as="p" block className={styles.line}>
          <HelpLine />
        </Body1>
      </main>
    </FluentProvider>
  );
}
