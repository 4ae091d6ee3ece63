/**
 * Where the help page lives among the add-in's pages, and the anchor of each PILOT function on
 * it: what functions.json's helpUrl (Excel's "Help on this function"), the task pane's Help link
 * and the page itself agree on. Plain constants, so the task pane can import them.
 */

/** The help page's file, beside the task pane's in the build. */
export const HELP_PAGE = 'help.html';

/**
 * The anchor of a function's entry on the help page: its name as typed in a sheet.
 *
 * @example
 *   helpAnchor('NPV') // 'PILOT.NPV'
 */
export function helpAnchor(id: string): string {
  return `PILOT.${id}`;
}

/**
 * The address of a function's entry, on the help page served from `base` (the add-in's base URL, ending in "/").
 *
 * @example
 *   helpUrl('https://pilotgate.example.com/', 'NPV') // 'https://pilotgate.example.com/help.html#PILOT.NPV'
 */
export function helpUrl(base: string, id: string): string {
  return new URL(`${HELP_PAGE}#${helpAnchor(id)}`, base).href;
}
