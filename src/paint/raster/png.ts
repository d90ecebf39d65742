/**
 * A PNG writer for opaque RGBA pixels: rows unfiltered (charts are long runs of one color, which
 * deflate finds anyway), deflated by Node's zlib at its fastest level. Several times faster than
 * the canvas's encoder for a third more bytes, and it writes no metadata: same pixels, same bytes.
 */
import * as zlib from 'node:zlib';

let crcTable: Int32Array | undefined;

function makeCrcTable(): Int32Array {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
}

/** CRC-32 in JavaScript, for Node before 20.15 (no zlib.crc32); its table is made on first use. */
export function crc32Js(bytes: Uint8Array): number {
  crcTable ??= makeCrcTable();
  const table = crcTable;
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/**
 * CRC-32 of a chunk. zlib's is native: over the image data of a chart it saves ~1.5 ms of a cold
 * start, where the JavaScript loop runs unoptimized.
 */
export const crc32: (bytes: Uint8Array) => number = zlib.crc32 ? (bytes) => zlib.crc32(bytes) : crc32Js;

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** PNG bytes of `width`×`height` RGBA pixels (row-major, 4 bytes a pixel, not premultiplied). */
export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height); // each row: filter byte 0 (none), then pixels
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    // Level 1: on the default chart 21 KB in 1.5–5 ms from a cold start, against 17 KB in 5–11 ms
    // at level 6 and 15.5 KB in 11+ ms from the canvas's encoder. Start-up time matters more.
    chunk('IDAT', zlib.deflateSync(raw, { level: 1 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
