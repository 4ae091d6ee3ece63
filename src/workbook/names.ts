/**
 * Names for new sheets and tables that never collide with what the workbook already has.
 */

/** Excel's longest sheet name. */
export const MAX_SHEET_NAME = 31;

/**
 * `base`, or `base (2)`, `base (3)` … — the first sheet name not taken (compared without regard
 * to case, as Excel does). Characters Excel forbids in sheet names are dropped.
 *
 * @example
 *   uniqueSheetName('Metrics', ['metrics', 'Metrics (2)']) // 'Metrics (3)'
 */
export function uniqueSheetName(base: string, taken: readonly string[]): string {
  const clean = base.replace(/[[\]:*?/\\]/g, '').replace(/^'+|'+$/g, '').trim() || 'Sheet';
  const lower = new Set(taken.map((name) => name.toLowerCase()));
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name = clean.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/**
 * `base`, or `base2`, `base3` … — the first table name not taken. Table names allow no spaces.
 *
 * @example
 *   uniqueTableName('Metrics', ['Metrics']) // 'Metrics2'
 */
export function uniqueTableName(base: string, taken: readonly string[]): string {
  const clean = base.replace(/[^A-Za-z0-9_.]/g, '') || 'Table';
  const lower = new Set(taken.map((name) => name.toLowerCase()));
  for (let n = 1; ; n++) {
    const name = n === 1 ? clean : `${clean}${n}`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/**
 * A local date and time as `2025-05-01 14:30`, for timestamps people read.
 *
 * @example
 *   localStamp(new Date(2025, 4, 1, 14, 30)) // '2025-05-01 14:30'
 */
export function localStamp(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
