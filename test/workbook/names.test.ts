import { localStamp, uniqueSheetName, uniqueTableName } from '../../src/workbook/names';

describe('names that never collide', () => {
  it('numbers a sheet name that is taken, whatever its case', () => {
    expect(uniqueSheetName('Metrics', [])).toBe('Metrics');
    expect(uniqueSheetName('Metrics', ['metrics', 'Metrics (2)'])).toBe('Metrics (3)');
  });

  it('keeps sheet names within 31 characters and without forbidden characters', () => {
    const long = 'A very long sheet name that Excel refuses';
    const name = uniqueSheetName(long, [long.slice(0, 31)]);
    expect(name).toHaveLength(31);
    expect(name.endsWith(' (2)')).toBe(true);
    expect(uniqueSheetName('Snapshot 14:30 [v1]/x', [])).toBe('Snapshot 1430 v1x');
  });

  it('numbers a table name without spaces', () => {
    expect(uniqueTableName('Metrics', ['METRICS', 'Metrics2'])).toBe('Metrics3');
    expect(uniqueTableName('Cost lines', [])).toBe('Costlines');
  });

  it('stamps local time', () => {
    expect(localStamp(new Date(2025, 4, 1, 14, 30))).toBe('2025-05-01 14:30');
    expect(localStamp(new Date(2025, 11, 31, 9, 5))).toBe('2025-12-31 09:05');
  });
});
