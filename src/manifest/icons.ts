/**
 * Draws the add-in's icons (assets/icon-16/32/64/80.png): a white check mark, the "gate
 * passed" sign, on a rounded teal square. Run it again after changing the drawing:
 *   npx ts-node --transpile-only src/manifest/icons.ts
 */
import * as fs from 'fs';
import * as path from 'path';
import { encodePng } from './png';

/** The sizes the manifest names (ribbon 16/32/80, IconUrl 32, HighResolutionIconUrl 64). */
export const ICON_SIZES = [16, 32, 64, 80] as const;

type Rgb = readonly [number, number, number];
const TEAL: Rgb = [0x0b, 0x6e, 0x69];
const WHITE: Rgb = [0xff, 0xff, 0xff];
/** Samples per pixel along each axis, for smooth edges at 16 px. */
const SUPERSAMPLE = 4;

/** Distance from (px, py) to the segment (ax, ay)–(bx, by). */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Inside test of a square of side 1 with corner radius r, in unit coordinates. */
function insideRoundedSquare(x: number, y: number, r: number): boolean {
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return x >= 0 && x <= 1 && y >= 0 && y <= 1 && Math.hypot(x - cx, y - cy) <= r;
}

/** The check mark's two strokes in unit coordinates, and its half width. */
const CHECK = { a: [0.25, 0.53], b: [0.43, 0.71], c: [0.76, 0.32], halfWidth: 0.085 } as const;

function insideCheck(x: number, y: number): boolean {
  const { a, b, c, halfWidth } = CHECK;
  return (
    segmentDistance(x, y, a[0], a[1], b[0], b[1]) <= halfWidth ||
    segmentDistance(x, y, b[0], b[1], c[0], c[1]) <= halfWidth
  );
}

/**
 * Renders the icon at `size` × `size` pixels as RGBA bytes.
 *
 * @example
 *   drawIcon(16).length; // 16 * 16 * 4
 */
export function drawIcon(size: number): Uint8Array {
  const rgba = new Uint8Array(size * size * 4);
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let covered = 0;
      let white = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          if (!insideRoundedSquare(x, y, 0.18)) continue;
          covered++;
          if (insideCheck(x, y)) white++;
        }
      }
      const i = (py * size + px) * 4;
      if (covered === 0) continue;
      for (let ch = 0; ch < 3; ch++) {
        rgba[i + ch] = Math.round((TEAL[ch] * (covered - white) + WHITE[ch] * white) / covered);
      }
      rgba[i + 3] = Math.round((255 * covered) / samples);
    }
  }
  return rgba;
}

if (require.main === module) {
  const dir = path.resolve(__dirname, '../../assets');
  fs.mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = path.join(dir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, size, drawIcon(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}×${size})`);
  }
}
