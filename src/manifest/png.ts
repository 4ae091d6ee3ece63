/**
 * The two things the tooling needs from PNG files: write a plain RGBA image, and read the
 * size an image declares in its IHDR chunk. Node's zlib does the compression.
 */
import { deflateSync } from 'zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height in pixels, as an image's IHDR chunk states them. */
export interface PngSize {
  width: number;
  height: number;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * Encodes 8-bit RGBA pixels (row after row, 4 bytes a pixel) as a PNG file.
 *
 * @example
 *   const red = encodePng(1, 1, Uint8Array.from([255, 0, 0, 255]));
 *   readPngSize(red); // { width: 1, height: 1 }
 */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new Error(`PNG size must be whole pixels of at least 1, got ${width}×${height}`);
  }
  if (rgba.length !== width * height * 4) {
    throw new Error(`PNG of ${width}×${height} needs ${width * height * 4} RGBA bytes, got ${rgba.length}`);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  // bytes 10–12: deflate compression, adaptive filtering, no interlace (all 0)
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Reads the pixel size a PNG states in its IHDR chunk; throws when the bytes are not a PNG.
 *
 * @example
 *   readPngSize(fs.readFileSync('assets/icon-32.png')); // { width: 32, height: 32 }
 */
export function readPngSize(bytes: Buffer): PngSize {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(SIGNATURE)) {
    throw new Error('not a PNG file (the 8-byte PNG signature is missing)');
  }
  if (bytes.toString('ascii', 12, 16) !== 'IHDR') {
    throw new Error('not a valid PNG file (the first chunk is not IHDR)');
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
