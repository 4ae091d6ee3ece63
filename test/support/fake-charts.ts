/**
 * The fake Excel's charts (ExcelApi 1.1 charts.add and setPosition, 1.7 series): each chart is a
 * record of what the adapter set, applied at sync as Office.js applies queued commands, so a test
 * reads the chart Excel would show: its name, title, place and each series' ranges and type.
 */
import type { XlChart, XlChartCollection, XlChartSeries, XlChartSeriesCollection, XlRange } from '../../src/workbook/excel-api';
import type { RangeAddress } from '../../src/workbook/port';

export interface FakeChartSeries {
  name: string;
  values: RangeAddress | null;
  categories: RangeAddress | null;
  chartType: string;
}

export interface FakeChartRecord {
  sheet: string;
  name: string;
  title: string;
  /** The chart's top-left and bottom-right cells. */
  place: { start: RangeAddress; end: RangeAddress } | null;
  series: FakeChartSeries[];
}

/** What the charts need of the fake's batch: a queue of commands run at sync, and the book's charts. */
export interface ChartContext {
  enqueue(action: () => void): void;
  readonly book: { readonly charts: FakeChartRecord[]; requireSet(version: string, what: string): void };
}

/** A fake range resolves to its address at sync. */
interface Resolvable {
  must(): RangeAddress;
}

function address(range: XlRange | string): RangeAddress {
  if (typeof range === 'string') throw new Error('the fake models chart ranges as Range objects');
  return (range as unknown as Resolvable).must();
}

class FakeSeries implements XlChartSeries {
  constructor(
    private readonly ctx: ChartContext,
    private readonly series: () => FakeChartSeries,
  ) {}

  set name(name: string) {
    this.ctx.enqueue(() => (this.series().name = name));
  }

  get name(): string {
    throw new Error('the fake does not model reading a series name');
  }

  set chartType(type: string) {
    this.ctx.enqueue(() => {
      this.ctx.book.requireSet('1.7', 'ChartSeries.chartType');
      this.series().chartType = type;
    });
  }

  get chartType(): string {
    throw new Error('the fake does not model reading a series type');
  }

  setValues(sourceData: XlRange): void {
    this.ctx.enqueue(() => {
      this.ctx.book.requireSet('1.7', 'ChartSeries.setValues');
      this.series().values = address(sourceData);
    });
  }

  setXAxisValues(sourceData: XlRange): void {
    this.ctx.enqueue(() => {
      this.ctx.book.requireSet('1.7', 'ChartSeries.setXAxisValues');
      this.series().categories = address(sourceData);
    });
  }
}

class FakeChart implements XlChart {
  readonly title: { text: string };
  readonly series: XlChartSeriesCollection;

  constructor(
    private readonly ctx: ChartContext,
    private readonly record: () => FakeChartRecord,
  ) {
    const recordOf = record;
    this.title = {
      set text(text: string) {
        ctx.enqueue(() => (recordOf().title = text));
      },
      get text(): string {
        throw new Error('the fake does not model reading a chart title');
      },
    };
    this.series = {
      getItemAt: (index: number) => new FakeSeries(ctx, () => this.record().series[index]),
      add: (name?: string) => {
        let added: FakeChartSeries | null = null;
        ctx.enqueue(() => {
          this.ctx.book.requireSet('1.7', 'ChartSeriesCollection.add');
          added = { name: name ?? '', values: null, categories: null, chartType: 'ColumnClustered' };
          this.record().series.push(added);
        });
        return new FakeSeries(ctx, () => added!);
      },
    };
  }

  set name(name: string) {
    this.ctx.enqueue(() => (this.record().name = name));
  }

  get name(): string {
    return this.record().name;
  }

  setPosition(startCell: XlRange | string, endCell?: XlRange | string): void {
    if (endCell === undefined) throw new Error('the fake models setPosition with both corners');
    this.ctx.enqueue(() => (this.record().place = { start: address(startCell), end: address(endCell) }));
  }

  delete(): void {
    this.ctx.enqueue(() => {
      const i = this.ctx.book.charts.indexOf(this.record());
      if (i < 0) throw new Error('delete() on a chart that is gone');
      this.ctx.book.charts.splice(i, 1);
    });
  }
}

/**
 * A sheet's chart collection in the fake Excel.
 *
 * @example
 *   sheet.charts.add('ColumnClustered', range, 'Auto').setPosition(a, b);
 */
export class FakeCharts implements XlChartCollection {
  private loadedItems: XlChart[] | null = null;

  constructor(
    private readonly ctx: ChartContext,
    private readonly sheet: () => string,
  ) {}

  get items(): XlChart[] {
    if (this.loadedItems === null) throw new Error('ChartCollection.items was not loaded and synced before it was read');
    return this.loadedItems;
  }

  load(names: string): XlChartCollection {
    if (names !== 'items/name') throw new Error(`the fake does not model ChartCollection.load('${names}')`);
    this.ctx.enqueue(() => {
      const sheet = this.sheet();
      this.loadedItems = this.ctx.book.charts.filter((c) => c.sheet === sheet).map((record) => new FakeChart(this.ctx, () => record));
    });
    return this;
  }

  add(type: 'ColumnClustered', sourceData: XlRange, seriesBy?: 'Auto' | 'Columns' | 'Rows'): XlChart {
    let record: FakeChartRecord | null = null;
    this.ctx.enqueue(() => {
      if (seriesBy !== 'Auto') throw new Error('the fake models charts added with seriesBy Auto');
      record = { sheet: this.sheet(), name: '', title: '', place: null, series: [{ name: '', values: address(sourceData), categories: null, chartType: type }] };
      this.ctx.book.charts.push(record);
    });
    return new FakeChart(this.ctx, () => record!);
  }
}
