import { Suspense, lazy } from 'react';
import { Button, Caption1, Link, ProgressBar, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { HELP_PAGE } from '../../help/address';
import type { HowSurePlan } from '../../usecases';
import type { SimulationControls, SimulationState } from '../hooks/useSimulation';
import { FigureList } from './DecisionCard';

// In the card's chart chunk (Chart.js), fetched once there is a card.
const HistogramFigure = lazy(() => import(/* webpackChunkName: "charts" */ '../charts/HowSureCharts').then((m) => ({ default: m.HistogramFigure })));
const TornadoFigure = lazy(() => import(/* webpackChunkName: "charts" */ '../charts/HowSureCharts').then((m) => ({ default: m.TornadoFigure })));

/** The guide's section on ranges, on the help page. */
const RANGES_HELP = `${HELP_PAGE}#how-sure-ranges`;

const useStyles = makeStyles({
  section: { display: 'grid', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: '10rem', display: 'grid', rowGap: tokens.spacingVerticalXS },
});

export interface HowSureProps {
  plan: HowSurePlan;
  simulation: SimulationState;
  controls: SimulationControls;
  theme: string;
}

/**
 * "How sure?" (SPEC §3.10): with ranges, the simulation's progress (with Cancel), then NPV P10,
 * P50, P90 and mean, P(NPV ≥ 0), P(payback ≤ max), the NPV histogram and the tornado; without,
 * one line on how to add Low and High columns.
 *
 * @example
 *   <HowSure plan={card.howSure} simulation={simulation} controls={controls} theme="light" />
 */
export default function HowSure({ plan, simulation, controls, theme }: HowSureProps) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby="pg-how-sure" data-testid="how-sure">
      <Subtitle2 as="h3" id="pg-how-sure">
        How sure?
      </Subtitle2>
      {plan.tornado === null ? (
        <Caption1>
          No ranges yet: add Low and High columns to Metrics or Costs to see how sure these figures are (<Link href={RANGES_HELP} target="_blank" rel="noopener noreferrer">how</Link>).
        </Caption1>
      ) : (
        <>
          <SimulationPart simulation={simulation} controls={controls} theme={theme} />
          <Suspense fallback={<Caption1>Loading the charts…</Caption1>}>
            <TornadoFigure tornado={plan.tornado} theme={theme} />
          </Suspense>
        </>
      )}
    </section>
  );
}

function SimulationPart({ simulation, controls, theme }: Omit<HowSureProps, 'plan'>) {
  const styles = useStyles();
  switch (simulation.kind) {
    case 'none':
      return null;
    case 'running': {
      const text = `Simulating: ${simulation.done.toLocaleString('en-US')} of ${simulation.total.toLocaleString('en-US')} trials`;
      return (
        <div className={styles.line}>
          <div className={styles.grow}>
            <ProgressBar value={simulation.done} max={simulation.total} aria-label={text} />
            <Caption1>{text}</Caption1>
          </div>
          <Button onClick={controls.cancel}>Cancel</Button>
        </div>
      );
    }
    case 'cancelled':
    case 'failed':
      return (
        <div className={styles.line}>
          <Caption1>{simulation.kind === 'cancelled' ? 'The simulation was cancelled.' : `The simulation could not run: ${simulation.message}`}</Caption1>
          <Button onClick={controls.run}>Run again</Button>
        </div>
      );
    case 'done':
      return (
        <>
          <FigureList figures={simulation.figures.figures} label="How sure: figures" />
          <Caption1>{simulation.figures.trials}; the same seed gives the same figures in Excel (PILOT.SIMULATE) and everywhere else.</Caption1>
          <Suspense fallback={<Caption1>Loading the charts…</Caption1>}>
            <HistogramFigure histogram={simulation.figures.histogram} theme={theme} />
          </Suspense>
        </>
      );
  }
}
