import { FakeExcel } from '../support/fake-excel';

/** The fake is only worth its name if it refuses what Excel refuses: these hold it to that. */
describe('the strict fake of Excel', () => {
  it('throws when a property is read before it was loaded and synced', async () => {
    const fake = new FakeExcel();
    fake.put('Sheet1', 0, 0, [[1]]);
    await fake.host().run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRangeByIndexes(0, 0, 1, 1);
      expect(() => range.values).toThrow(/not loaded/);
      range.load('values');
      expect(() => range.values).toThrow(/not loaded/);
      await context.sync();
      expect(range.values).toEqual([[1]]);
      expect(() => range.formulas).toThrow(/not loaded/);
    });
  });

  it('fails the sync for a missing sheet or table, and tells null objects only after a sync', async () => {
    const fake = new FakeExcel();
    await expect(
      fake.host().run(async (context) => {
        context.workbook.tables.getItem('Nope').getRange().load('address');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    await fake.host().run(async (context) => {
      const name = context.workbook.names.getItemOrNullObject('Nope');
      expect(() => name.isNullObject).toThrow(/not loaded/);
      await context.sync();
      expect(name.isNullObject).toBe(true);
    });
  });

  it('applies writes only at sync, refuses a 2-D write of the wrong shape, and skips nulls', async () => {
    const fake = new FakeExcel();
    fake.put('Sheet1', 0, 0, [['keep', 'old']]);
    await fake.host().run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRangeByIndexes(0, 0, 1, 2);
      range.formulas = [[null, '=SUM(1)']];
      expect(fake.cell('Sheet1', 0, 1)?.value).toBe('old');
      await context.sync();
    });
    expect(fake.cell('Sheet1', 0, 0)?.value).toBe('keep');
    expect(fake.cell('Sheet1', 0, 1)?.formula).toBe('=SUM(1)');
    await expect(
      fake.host().run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRangeByIndexes(0, 0, 2, 2).values = [[1, 2]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('refuses APIs of requirement sets the host lacks, and batches left unsynced', async () => {
    const fake = new FakeExcel();
    await expect(
      fake.host().run(async (context) => {
        context.workbook.application.suspendScreenUpdatingUntilNextSync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    await expect(
      fake.host().run(async (context) => {
        context.workbook.worksheets.add('New');
      }),
    ).rejects.toThrow(/unsynced/);
    expect(new FakeExcel({ supports: ['1.9'] }).host().supports('1.9')).toBe(true);
  });
});
