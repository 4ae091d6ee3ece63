/**
 * Colours as an .xlsx file stores them, as the `#RRGGBB` the port reports: an ARGB value as it
 * is; a theme colour (`{ theme: 4, tint: 0.4 }`, what Excel's colour pickers give) from the
 * workbook's own theme with its tint applied; an indexed colour from the legacy palette. A cell
 * filled with a theme colour is a cell someone formatted, and reads as one.
 */
import type ExcelJS from 'exceljs';

/**
 * The legacy indexed palette, indices 0 to 63 (ECMA-376 Part 1, §18.8.27 indexedColors). Index
 * 64 is the system foreground and 65 the system background: automatic, no colour of its own.
 */
const INDEXED: readonly string[] = [
  '000000', 'FFFFFF', 'FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF',
  '000000', 'FFFFFF', 'FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF',
  '800000', '008000', '000080', '808000', '800080', '008080', 'C0C0C0', '808080',
  '9999FF', '993366', 'FFFFCC', 'CCFFFF', '660066', 'FF8080', '0066CC', 'CCCCFF',
  '000080', 'FF00FF', 'FFFF00', '00FFFF', '800080', '800000', '008080', '0000FF',
  '00CCFF', 'CCFFFF', 'CCFFCC', 'FFFF99', '99CCFF', 'FF99CC', 'CC99FF', 'FFCC99',
  '3366FF', '33CCCC', '99CC00', 'FFCC00', 'FF9900', 'FF6600', '666699', '969696',
  '003366', '339966', '003300', '333300', '993300', '993366', '333399', '333333',
];

/** The theme's colour slots in the order a colour's `theme` index counts them: Excel swaps the first two pairs (light 1 is 0, dark 1 is 1). */
const THEME_SLOTS = ['lt1', 'dk1', 'lt2', 'dk2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6', 'hlink', 'folHlink'] as const;

/** Office's theme (2013 to 2022), for a file that carries no theme of its own. */
const OFFICE_THEME: Record<(typeof THEME_SLOTS)[number], string> = {
  lt1: 'FFFFFF',
  dk1: '000000',
  lt2: 'E7E6E6',
  dk2: '44546A',
  accent1: '4472C4',
  accent2: 'ED7D31',
  accent3: 'A5A5A5',
  accent4: 'FFC000',
  accent5: '5B9BD5',
  accent6: '70AD47',
  hlink: '0563C1',
  folHlink: '954F72',
};

/**
 * A theme's twelve colours in `theme` index order, read from its XML (theme1.xml's clrScheme);
 * a slot the XML does not give, or no XML at all, takes Office's colour.
 *
 * @example
 *   themePalette(undefined)[4] // '4472C4' (accent 1)
 */
export function themePalette(themeXml: string | undefined): string[] {
  const given = new Map<string, string>();
  const scheme = themeXml?.match(/<(?:\w+:)?clrScheme\b[\s\S]*?<\/(?:\w+:)?clrScheme>/)?.[0] ?? '';
  for (const slot of scheme.matchAll(/<(?:\w+:)?(dk1|lt1|dk2|lt2|accent[1-6]|hlink|folHlink)>\s*<(?:\w+:)?(srgbClr|sysClr)\b([^>]*)>/g)) {
    // A system colour (windowText, window) gives its value as last seen in lastClr.
    const value = slot[3].match(slot[2] === 'sysClr' ? /\blastClr="([0-9A-Fa-f]{6})"/ : /\bval="([0-9A-Fa-f]{6})"/)?.[1];
    if (value) given.set(slot[1], value.toUpperCase());
  }
  return THEME_SLOTS.map((slot) => given.get(slot) ?? OFFICE_THEME[slot]);
}

/**
 * A colour as `#RRGGBB`, or undefined where it is automatic or unreadable.
 *
 * @example
 *   colourOf({ theme: 0, tint: -0.15 }, themePalette(undefined)) // '#D9D9D9' (white, darker 15%)
 *   colourOf({ indexed: 10 }, themePalette(undefined))           // '#FF0000'
 */
export function colourOf(colour: Partial<ExcelJS.Color> & { indexed?: number; tint?: number } | undefined, palette: readonly string[]): string | undefined {
  if (!colour) return undefined;
  if (typeof colour.argb === 'string' && /^[0-9A-Fa-f]{8}$/.test(colour.argb)) return `#${colour.argb.slice(2).toUpperCase()}`;
  const base = typeof colour.theme === 'number' ? palette[colour.theme] : typeof colour.indexed === 'number' ? INDEXED[colour.indexed] : undefined;
  if (base === undefined) return undefined;
  return `#${withTint(base, typeof colour.tint === 'number' ? colour.tint : 0)}`;
}

/**
 * A colour lightened (tint > 0) or darkened (tint < 0) as ECMA-376 §18.8.19 says: its
 * luminance moved toward white by the tint's share, or toward black.
 */
function withTint(hex: string, tint: number): string {
  if (tint === 0 || !Number.isFinite(tint)) return hex;
  const [h, s, l] = toHsl(hex);
  const lum = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  return fromHsl(h, s, Math.min(1, Math.max(0, lum)));
}

function toHsl(hex: string): [number, number, number] {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === r ? ((g - b) / d + (g < b ? 6 : 0)) / 6 : max === g ? ((b - r) / d + 2) / 6 : ((r - g) / d + 4) / 6;
  return [h, s, l];
}

function fromHsl(h: number, s: number, l: number): string {
  const channel = (t: number): number => {
    const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
    const p = 2 * l - q;
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (u < 1 / 6) return p + (q - p) * 6 * u;
    if (u < 1 / 2) return q;
    if (u < 2 / 3) return p + (q - p) * (2 / 3 - u) * 6;
    return p;
  };
  const rgb = s === 0 ? [l, l, l] : [channel(h + 1 / 3), channel(h), channel(h - 1 / 3)];
  return rgb.map((v) => Math.round(v * 255).toString(16).padStart(2, '0').toUpperCase()).join('');
}
