/**
 * The charts of "How sure?", in the card's chart chunk: the NPV histogram once the simulation has
 * run, and the tornado. Each with its text alternative, in the theme's colours.
 */
import { useCallback } from 'react';
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { HistogramChart, TornadoChart } from '../../usecases';
import { CanvasFigure } from './Charts';
import type { ChartColours } from './configs';
import { histogramConfig, tornadoConfig, wrappedLabel } from './how-sure-configs';

const useStyles = makeStyles({
  legend: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  swatch: {
    display: 'inline-block',
    width: '12px',
    height: '12px',
    backgroundColor: tokens.colorPaletteRedBorderActive,
    // In high contrast the fill is dropped: the border keeps the swatch visible.
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralForeground1}`,
  },
});

export interface HistogramFigureProps {
  histogram: HistogramChart;
  theme: string;
}

/**
 * The NPV over the trials, with the share below 0 said beside it.
 *
 * @example
 *   <HistogramFigure histogram={figures.histogram} theme="dark" />
 */
export function HistogramFigure({ histogram, theme }: HistogramFigureProps) {
  const styles = useStyles();
  const config = useCallback((colours: ChartColours) => histogramConfig(histogram, colours), [histogram]);
  return (
    <CanvasFigure title="NPV over the trials" description={histogram.description} height={240} config={config} theme={theme}>
      <Caption1 className={styles.legend} aria-hidden="true">
        <span className={styles.swatch} />
        <span>Below 0: {histogram.shareBelowZero}.</span>
      </Caption1>
    </CanvasFigure>
  );
}

export interface TornadoFigureProps {
  tornado: TornadoChart;
  theme: string;
}

/**
 * The ranged inputs by NPV swing, largest on top.
 *
 * @example
 *   <TornadoFigure tornado={plan.tornado} theme="light" />
 */
export function TornadoFigure({ tornado, theme }: TornadoFigureProps) {
  const config = useCallback((colours: ChartColours) => tornadoConfig(tornado, colours), [tornado]);
  // Each row as tall as its wrapped name, plus the axis and the legend.
  const lines = tornado.labels.reduce((sum, label) => sum + Math.max(2, wrappedLabel(label).length), 0);
  return (
    <CanvasFigure title="What moves NPV most" description={tornado.description} height={90 + 16 * lines} config={config} theme={theme}>
      <Caption1 aria-hidden="true">{tornado.caption}</Caption1>
    </CanvasFigure>
  );
}
