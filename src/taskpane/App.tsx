import { Suspense, lazy, useState } from 'react';
import {
  Body1,
  Caption1,
  FluentProvider,
  Subtitle2,
  Title3,
  makeStyles,
  teamsHighContrastTheme,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import type { UseCases } from '../usecases';
import { ActionButton } from './components/ActionButton';
import { Announcer } from './components/Announcer';
import { DecisionCard } from './components/DecisionCard';
import { FindingsList } from './components/FindingsList';
import { TablesSection } from './components/TablesSection';
import { HelpLine } from './components/TextLink';
import { useHostTheme } from './hooks/useHostTheme';
import type { ThemeMode } from './hooks/useHostTheme';
import { useKeepUp } from './hooks/useKeepUp';
import { useSimulation } from './hooks/useSimulation';
import { useTaskPane } from './hooks/useTaskPane';
import { defaultSimulator } from './simulation/simulator';
import type { Simulator } from './simulation/simulator';

// Chunks of their own, fetched when first needed: the charts once there is a card (Chart.js), the question
// about cells in the way (Fluent's dialog and its motion) at the first such question.
const Charts = lazy(() => import(/* webpackChunkName: "charts" */ './charts/Charts'));
const ClobberDialog = lazy(() => import(/* webpackChunkName: "dialog" */ './components/ClobberDialog'));
// "How sure?" shows under a card, so it comes with the charts (and their chunk) rather than with the pane's start.
const HowSure = lazy(() => import(/* webpackChunkName: "charts" */ './components/HowSure'));

const THEMES = { light: webLightTheme, dark: webDarkTheme, 'high-contrast': teamsHighContrastTheme } as const satisfies Record<ThemeMode, unknown>;

// The pane's own height and background sit on an element inside the provider: Fluent copies the
// provider's class onto the layer it mounts dialogs in, and a full-height background there would
// hide the page behind the dialog.
const useStyles = makeStyles({
  pane: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  main: { display: 'grid', rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, maxWidth: '40rem', minWidth: 0, boxSizing: 'border-box' },
  section: { display: 'grid', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  header: { display: 'grid', rowGap: tokens.spacingVerticalXS },
  headerLine: { margin: 0 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  footer: { paddingTop: tokens.spacingVerticalS },
  // A rule between the steps: an <hr> in the theme's stroke colour rather than Fluent's Divider,
  // which weighs more in the JavaScript the pane loads first than a line is worth.
  divider: { width: '100%', margin: 0, border: 'none', borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
});

export interface AppProps {
  /** The use cases on the workbook: Excel's in the add-in, another host's in the workbench and the tests. */
  useCases: UseCases;
  /**
   * The pane's landmark: `main` where it is the page (Excel's task pane), `region` where a page
   * of its own has the main content (the workbench), since a main landmark may not sit in another.
   */
  landmark?: 'main' | 'region';
  /** Where "How sure?" simulates: a Web Worker where the page has one, else the page itself. */
  simulator?: Simulator;
}

/**
 * The task pane, in the order of a person's day: tables, check, evaluate, share.
 *
 * @example
 *   createRoot(el).render(<App useCases={createUseCases({ port: new OfficeWorkbook(officeHost()), now: () => new Date() })} />);
 */
export function App({ useCases, landmark = 'main', simulator = defaultSimulator }: AppProps) {
  const styles = useStyles();
  const mode = useHostTheme(useCases);
  const [state, actions] = useTaskPane(useCases);
  const watching = useKeepUp(useCases, actions.refreshFromSheet);
  const [simulation, simulationControls] = useSimulation(state.card?.howSure ?? null, simulator);
  const busy = state.busy !== null;
  // Set during render, React's way to derive a latch from props: once asked, the dialog stays mounted.
  const [dialogMounted, setDialogMounted] = useState(false);
  if (state.conflict !== null && !dialogMounted) setDialogMounted(true);
  const Landmark = landmark === 'main' ? 'main' : 'section';
  return (
    <FluentProvider theme={THEMES[mode]} data-theme={mode}>
      <div className={styles.pane}>
        <Landmark className={styles.main} {...(landmark === 'region' ? { 'aria-label': 'Pilot Gate task pane' } : {})}>
          <header className={styles.header}>
            {/* Fluent's text is inline unless told otherwise: the title and its question are two lines. */}
            <Title3 as="h1" block className={styles.headerLine}>
              Pilot Gate
            </Title3>
            <Body1 as="p" block className={styles.headerLine}>
              Should this AI pilot go to production, and what has to be true first?
            </Body1>
          </header>
          <Announcer status={state.status} error={state.error} />

          <section className={styles.section} aria-labelledby="pg-tables">
            <Subtitle2 as="h2" id="pg-tables">
              1. Tables
            </Subtitle2>
            <Caption1>Start from the sample, or point at the tables you have (by name, by their headers, or by selecting one).</Caption1>
            <div className={styles.buttons}>
              <ActionButton action="template" busy={state.busy} label="Insert template" busyLabel="Inserting…" onClick={() => void actions.insertTemplate()} />
              <ActionButton action="find" busy={state.busy} label="Find tables" busyLabel="Looking…" onClick={() => void actions.findTables()} />
            </div>
            <TablesSection state={state} actions={actions} />
          </section>

          <hr className={styles.divider} />
          <section className={styles.section} aria-labelledby="pg-check">
            <Subtitle2 as="h2" id="pg-check">
              2. Check inputs
            </Subtitle2>
            <div className={styles.buttons}>
              <ActionButton action="check" busy={state.busy} label="Check inputs" busyLabel="Checking…" onClick={() => void actions.check()} />
            </div>
            {state.findings && <FindingsList findings={state.findings} disabled={busy} onSelect={(f) => void actions.select(f)} />}
          </section>

          <hr className={styles.divider} />
          <section className={styles.section} aria-labelledby="pg-evaluate">
            <Subtitle2 as="h2" id="pg-evaluate">
              3. Evaluate
            </Subtitle2>
            <Caption1>Writes one block of live PILOT formulas; evaluating again updates it in place. Undo puts back what it replaced.</Caption1>
            <div className={styles.buttons}>
              <ActionButton action="evaluate" appearance="primary" busy={state.busy} label="Evaluate" busyLabel="Evaluating…" onClick={() => void actions.evaluate()} />
              <ActionButton
                action="undo"
                busy={state.busy}
                disabled={state.last === null}
                label="Undo last Evaluate"
                busyLabel="Undoing…"
                onClick={() => void actions.undo()}
              />
            </div>
            <Caption1>With no tables chosen, Evaluate finds them first and says which it used.</Caption1>
            {state.card && (
              <DecisionCard
                card={state.card}
                freshness={state.freshness}
                watching={watching}
                block={state.block}
                disabled={busy}
                onSelect={(a) => void actions.selectAction(a)}
                howSure={
                  <Suspense fallback={null}>
                    <HowSure plan={state.card.howSure} simulation={simulation} controls={simulationControls} theme={mode} />
                  </Suspense>
                }
              />
            )}
            {state.card && (
              <Suspense fallback={<Caption1>Loading the charts…</Caption1>}>
                <Charts charts={state.card.charts} theme={mode} />
              </Suspense>
            )}
          </section>

          <hr className={styles.divider} />
          <section className={styles.section} aria-labelledby="pg-share">
            <Subtitle2 as="h2" id="pg-share">
              4. Share
            </Subtitle2>
            <Caption1>A values-only copy, with the time, for people without the add-in.</Caption1>
            <div className={styles.buttons}>
              <ActionButton action="snapshot" busy={state.busy} label="Snapshot" busyLabel="Copying…" onClick={() => void actions.snapshot()} />
            </div>
          </section>

          <hr className={styles.divider} />
          <footer className={styles.footer}>
            {/* A page of its own beside the pane's: it opens in a browser window, outside the pane. */}
            <Caption1>
              <HelpLine />
            </Caption1>
          </footer>
        </Landmark>
      </div>
      {/* Mounted at the first question, and kept, so it can close as Fluent's dialogs do. Mounted from the start,
          its focus trap watched every change to the page. */}
      {dialogMounted && (
        <Suspense fallback={null}>
          <ClobberDialog conflict={state.conflict} onChoose={(choice) => void actions.resolveConflict(choice)} />
        </Suspense>
      )}
    </FluentProvider>
  );
}
