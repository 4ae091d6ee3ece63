import { useEffect, useId, useRef } from 'react';
import { drawChart } from './draw';
import { sheetChartConfig } from './sheet-config';
import type { SheetChartColours, SheetChartData } from './sheet-config';

export interface SheetChartProps {
  data: SheetChartData;
  colours: SheetChartColours;
  /** A value as its cells show it, for the axis and the tooltips. */
  formatValue(value: number): string;
}

const SR_ONLY = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

/**
 * A native chart of a sheet, drawn where the sheet's cells put it: its title, the chart filling
 * the rest of its box, and its text alternative. In the same chunk as the card's charts (one
 * Chart.js for the page); the workbench draws each chart a write placed on its sheet with it.
 *
 * @example
 *   const SheetChart = lazy(() => import('../taskpane/charts/SheetChart'));
 *   <SheetChart data={data} colours={colours} formatValue={(v) => displayText(v, '$#,##0')} />
 */
export default function SheetChart({ data, colours, formatValue }: SheetChartProps) {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const descriptionId = useId();
  // Drawn again only when what it shows changes, not on every render of the sheet around it.
  const shows = JSON.stringify([data, colours]);
  useEffect(() => {
    const canvas = canvasRef.current;
    const chart = canvas ? drawChart(canvas, sheetChartConfig(data, colours, formatValue)) : null;
    return () => chart?.destroy();
  }, [shows]);
  return (
    <figure style={{ margin: 0, height: '100%', display: 'flex', flexDirection: 'column', color: colours.text }}>
      <figcaption style={{ fontWeight: 600, textAlign: 'center', padding: '4px 8px 0' }}>{data.title}</figcaption>
      <div style={{ position: 'relative', flex: 1, minHeight: 0 }}>
        <canvas ref={canvasRef} role="img" aria-label={data.title} aria-describedby={descriptionId} />
      </div>
      <p id={descriptionId} style={SR_ONLY}>
        {data.description}
      </p>
    </figure>
  );
}
