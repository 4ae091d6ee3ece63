/**
 * Chart.js for every chart Pilot Gate draws in a page: the card's three and, in the workbench, the
 * sheet's native charts. Both come in one chunk ("charts"), and only the parts of Chart.js these
 * charts use are registered, so the rest is left out of it.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { ChartConfiguration } from 'chart.js';

/**
 * Draws a chart on a canvas; null when the browser gives the canvas no 2-D context (the text
 * alternative beside it is then the chart). Destroy what it returns before drawing again.
 *
 * @example
 *   const chart = drawChart(canvas, chartConfig('cashflows', card.charts, colours));
 *   chart?.destroy();
 */
export function drawChart(canvas: HTMLCanvasElement, config: ChartConfiguration): Chart | null {
  if (!canvas.getContext('2d')) return null;
  // Registering twice is harmless: Chart.js keeps each part once.
  Chart.register(BarController, BarElement, CategoryScale, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip);
  return new Chart(canvas, config);
}
