/**
 * The decision card's charts, drawn with Chart.js: a chunk of its own (webpack's "charts"),
 * fetched once the pane shows a card, so neither the pane's start nor the custom functions' pay
 * for it (the workbench's sheet charts, SheetChart.tsx, come in the same chunk). Colours are the
 * Fluent theme's tokens, read where the chart sits, so the charts follow Office's light, dark and
 * high-contrast themes.
 */
import { useCallback, useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { CardCharts } from '../../usecases';
import { chartConfig } from './configs';
import { drawChart } from './draw';
import type { ChartColours } from './configs';

const useStyles = makeStyles({
  charts: { display: 'grid', rowGap: tokens.spacingVerticalL, minWidth: 0 },
  figure: { margin: 0, display: 'grid', rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  frame: { position: 'relative', minWidth: 0 },
  srOnly: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

/** The Fluent tokens each chart colour comes from (CSS custom properties the FluentProvider sets). */
const TOKENS: Record<keyof ChartColours, string> = {
  text: '--colorNeutralForeground1',
  muted: '--colorNeutralForeground3',
  grid: '--colorNeutralStroke2',
  primary: '--colorBrandBackground',
  secondary: '--colorPaletteMarigoldBorderActive',
  alarm: '--colorPaletteRedBorderActive',
  background: '--colorNeutralBackground1',
};

function coloursAt(el: Element): ChartColours {
  const style = getComputedStyle(el);
  const read = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  return {
    text: read(TOKENS.text, '#242424'),
    muted: read(TOKENS.muted, '#616161'),
    grid: read(TOKENS.grid, '#e0e0e0'),
    primary: read(TOKENS.primary, '#0f6cbd'),
    secondary: read(TOKENS.secondary, '#eaa300'),
    alarm: read(TOKENS.alarm, '#d13438'),
    background: read(TOKENS.background, '#ffffff'),
  };
}

/** The chart's height in px: 220, or room for each category of a horizontal chart and its legend. */
function frameHeight(kind: keyof CardCharts, charts: CardCharts): number {
  // 36 px a category: its name may take two lines.
  if (kind === 'costs') return 90 + 36 * charts.costs.categories.length;
  if (kind === 'thresholds') return 90 + 36 * charts.thresholds.kinds.length;
  return 220;
}

export interface ChartsProps {
  charts: CardCharts;
  /** The theme's name: the charts are drawn again when it changes. */
  theme: string;
}

/**
 * The three charts of the card, each with a text alternative.
 *
 * @example
 *   const Charts = lazy(() => import('./charts/Charts'));
 *   <Charts charts={card.charts} theme="dark" />
 */
export default function Charts({ charts, theme }: ChartsProps) {
  const styles = useStyles();
  return (
    <section className={styles.charts} aria-labelledby="pg-charts" data-testid="charts">
      <Subtitle2 as="h3" id="pg-charts">
        Charts
      </Subtitle2>
      <ChartFigure kind="cashflows" title="Cash flows by year" charts={charts} theme={theme} />
      <ChartFigure kind="costs" title="Pilot against production cost" charts={charts} theme={theme} />
      <ChartFigure kind="thresholds" title="How far each input can move before NPV reaches 0" charts={charts} theme={theme} />
    </section>
  );
}

interface ChartFigureProps {
  kind: keyof CardCharts;
  title: string;
  charts: CardCharts;
  theme: string;
}

function ChartFigure({ kind, title, charts, theme }: ChartFigureProps) {
  const config = useCallback((colours: ChartColours) => chartConfig(kind, charts, colours), [kind, charts]);
  return <CanvasFigure title={title} description={charts[kind].description} height={frameHeight(kind, charts)} config={config} theme={theme} />;
}

export interface CanvasFigureProps {
  title: string;
  /** The text alternative: what the chart shows, with its data, for people who cannot see it. */
  description: string;
  /** The chart's height in px (its width is the pane's). */
  height: number;
  /** The chart's configuration in the theme's colours; a new function draws the chart again. */
  config: (colours: ChartColours) => ChartConfiguration;
  /** The theme's name: the chart is drawn again when it changes. */
  theme: string;
  /** What a sighted reader should know beside the chart (a legend the chart cannot draw). */
  children?: ReactNode;
}

/**
 * One chart on a canvas, captioned, with its text alternative, in the theme's colours.
 *
 * @example
 *   <CanvasFigure title="NPV over the trials" description={histogram.description} height={240} config={(c) => histogramConfig(histogram, c)} theme="light" />
 */
export function CanvasFigure({ title, description, height, config, theme, children }: CanvasFigureProps) {
  const styles = useStyles();
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const descriptionId = useId();
  useEffect(() => {
    const canvas = canvasRef.current;
    // Without a 2-D context (a browser that refuses canvas) the text alternative is the chart.
    const chart = canvas ? drawChart(canvas, config(coloursAt(canvas))) : null;
    return () => chart?.destroy();
    // The theme's colours are read from the page: a new theme draws the chart again.
  }, [config, theme]);
  return (
    <figure className={styles.figure}>
      <figcaption>
        <strong>{title}</strong>
      </figcaption>
      {/* A horizontal chart grows with its categories, so every one keeps a readable row. */}
      <div className={styles.frame} style={{ height }}>
        <canvas ref={canvasRef} role="img" aria-label={title} aria-describedby={descriptionId} />
      </div>
      {children}
      <p id={descriptionId} className={styles.srOnly}>
        {description}
      </p>
    </figure>
  );
}
