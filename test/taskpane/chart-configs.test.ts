/**
 * What the charts' configurations say before a canvas draws them: category names on two lines
 * rather than cut, money on the axes as the block writes it, and a sheet chart's series in the
 * order and kinds its write named.
 */
import { axisLines, compactMoney } from '../../src/taskpane/charts/configs';
import { sheetChartConfig } from '../../src/taskpane/charts/sheet-config';

describe('a category name on an axis', () => {
  it('stays on one line up to 16 characters', () => {
    expect(axisLines('Monitoring')).toBe('Monitoring');
    expect(axisLines('Data remediation')).toBe('Data remediation');
  });

  it('goes over two lines between words, so the sample’s costs are named whole at 320 px', () => {
    expect(axisLines('Model and licences')).toEqual(['Model and', 'licences']);
    expect(axisLines('Security and compliance')).toEqual(['Security and', 'compliance']);
    expect(axisLines('Operations and support')).toEqual(['Operations and', 'support']);
  });

  it('cuts the second line with an ellipsis only when two lines do not hold the name', () => {
    expect(axisLines('Change management and training')).toEqual(['Change', 'management and…']);
    // A word longer than a line is broken at 16 characters.
    expect(axisLines('Supercalifragilistic fees')).toEqual(['Supercalifragili', 'stic fees']);
  });
});

describe('money on an axis', () => {
  it('in thousands and millions, negatives in brackets as the block shows them', () => {
    expect(compactMoney(-190000, 'USD')).toBe('($190K)');
    expect(compactMoney(1852595.43, 'USD')).toBe('$1.9M');
    expect(compactMoney(450, 'USD')).toBe('$450');
  });
});

describe('a native chart of the sheet as Chart.js draws it', () => {
  const colours = { text: '#111111', muted: '#666666', grid: '#eeeeee', series: ['#4472c4', '#ed7d31'] };
  const data = {
    title: 'Cash flows by year (USD)',
    categories: ['Year 0', 'Year 1'],
    series: [
      { name: 'Net', kind: 'columns' as const, values: [-190000, 450561.14] },
      { name: 'Cumulative', kind: 'line' as const, values: [-190000, null] },
    ],
    description: 'Cash flows by year (USD): …',
  };

  it('draws columns with the line over them, each series in the next of the colours, a gap where a cell holds no number', () => {
    const config = sheetChartConfig(data, colours, (v) => `${v}`);
    const sets = config.data.datasets as { type: string; label: string; data: (number | null)[]; backgroundColor: string; order: number }[];
    expect(sets.map((s) => [s.type, s.label, s.backgroundColor])).toEqual([
      ['bar', 'Net', '#4472c4'],
      ['line', 'Cumulative', '#ed7d31'],
    ]);
    // Chart.js draws the lower order last: the line over the columns.
    expect(sets[1].order).toBeLessThan(sets[0].order);
    expect(sets[1].data).toEqual([-190000, null]);
    expect(config.data.labels).toEqual(['Year 0', 'Year 1']);
  });

  it('writes the value axis in the cells’ own format', () => {
    const config = sheetChartConfig(data, colours, (v) => (v < 0 ? `(${-v})` : `${v}`));
    const y = (config.options!.scales as { y: { ticks: { callback(value: number | string): string } } }).y;
    expect(y.ticks.callback(-500000)).toBe('(500000)');
    expect(y.ticks.callback('Year 0')).toBe('Year 0');
  });
});
