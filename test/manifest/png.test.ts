import * as fs from 'fs';
import * as path from 'path';
import { inflateSync } from 'zlib';
import { drawIcon, ICON_SIZES } from '../../src/manifest/icons';
import { encodePng, readPngSize } from '../../src/manifest/png';

describe('encodePng and readPngSize', () => {
  it('round-trips the size and the pixels of an image', () => {
    const pixels = Uint8Array.from([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 9, 9, 9, 9, 1, 2, 3, 4, 5, 6, 7, 8]);
    const png = encodePng(3, 2, pixels);
    expect(readPngSize(png)).toEqual({ width: 3, height: 2 });
    const idatLength = png.readUInt32BE(33);
    expect(png.toString('ascii', 37, 41)).toBe('IDAT');
    const raw = inflateSync(png.subarray(41, 41 + idatLength));
    // each row: filter byte 0, then 3 RGBA pixels
    expect([...raw.subarray(1, 13)]).toEqual([...pixels.subarray(0, 12)]);
    expect([...raw.subarray(14, 26)]).toEqual([...pixels.subarray(12, 24)]);
  });

  it('rejects bytes that are not a PNG and pixel counts that do not fit', () => {
    expect(() => readPngSize(Buffer.from('GIF89a and then some more bytes'))).toThrow('not a PNG file');
    expect(() => encodePng(2, 2, new Uint8Array(15))).toThrow('needs 16 RGBA bytes, got 15');
  });
});

describe('the add-in icons', () => {
  it.each(ICON_SIZES)('assets/icon-%i.png is that many pixels square and is the current drawing', (size) => {
    const file = fs.readFileSync(path.resolve(__dirname, '../../assets', `icon-${size}.png`));
    expect(readPngSize(file)).toEqual({ width: size, height: size });
    expect(file.equals(encodePng(size, size, drawIcon(size)))).toBe(true);
  });
});
