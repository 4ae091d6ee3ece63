/**
 * OfficeWorkbook.watch on the strict fake of Excel: the pane follows the sheet through the
 * worksheets' onChanged and onCalculated events (ExcelApi 1.9), registered once, removed once
 * when it stops, and not at all where the host lacks them.
 */
import { OfficeWorkbook } from '../../src/workbook/office';
import type { WorkbookChange } from '../../src/workbook/port';
import { FakeExcel } from '../support/fake-excel';

/** Lets the adapter's registration (an Excel.run and its sync) finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('OfficeWorkbook.watch on a strict fake of Excel', () => {
  it('registers a handler for edits and one for recalculations, and passes each on', async () => {
    const fake = new FakeExcel({ supports: ['1.9'] });
    const heard: WorkbookChange[] = [];
    const watch = new OfficeWorkbook(fake.host()).watch((change) => heard.push(change));
    expect(watch.watching).toBe(true);
    await settle();
    expect(fake.handlers.map((h) => h.kind)).toEqual(['edited', 'calculated']);
    // Both in one batch, with one sync.
    expect(new Set(fake.handlers.map((h) => h.run)).size).toBe(1);
    expect(fake.syncs).toBe(1);
    fake.fire('edited');
    fake.fire('calculated');
    expect(heard).toEqual([{ kind: 'edited' }, { kind: 'calculated' }]);
  });

  it('removes both handlers when it stops, once however often it is stopped, and hears nothing after', async () => {
    const fake = new FakeExcel({ supports: ['1.9'] });
    const heard: WorkbookChange[] = [];
    const watch = new OfficeWorkbook(fake.host()).watch((change) => heard.push(change));
    await settle();
    watch.stop();
    watch.stop();
    await settle();
    expect(fake.handlers).toEqual([]);
    expect(fake.runs).toBe(2);
    fake.fire('edited');
    expect(heard).toEqual([]);
  });

  it('stopped before the registration finished, still removes the handlers once they are there', async () => {
    const fake = new FakeExcel({ supports: ['1.9'] });
    const heard: WorkbookChange[] = [];
    const watch = new OfficeWorkbook(fake.host()).watch((change) => heard.push(change));
    watch.stop();
    await settle();
    await settle();
    expect(fake.handlers).toEqual([]);
    expect(heard).toEqual([]);
  });

  it('registers nothing and says it is not watching where ExcelApi 1.9 is absent', async () => {
    const fake = new FakeExcel();
    const heard: WorkbookChange[] = [];
    const watch = new OfficeWorkbook(fake.host()).watch((change) => heard.push(change));
    expect(watch.watching).toBe(false);
    await settle();
    expect(fake.runs).toBe(0);
    expect(fake.handlers).toEqual([]);
    expect(() => watch.stop()).not.toThrow();
    expect(heard).toEqual([]);
  });

  it('tells the pane it stopped, and why, when the host refuses the handlers', async () => {
    const fake = new FakeExcel({ supports: ['1.9'], eventsFail: 'AccessDenied' });
    const heard: WorkbookChange[] = [];
    const watch = new OfficeWorkbook(fake.host()).watch((change) => heard.push(change));
    expect(watch.watching).toBe(true);
    await settle();
    expect(heard).toEqual([{ kind: 'stopped', why: 'the host refused the event handlers' }]);
    expect(fake.handlers).toEqual([]);
    watch.stop();
    await settle();
    expect(heard).toHaveLength(1);
  });
});
