/**
 * The start-up shortcuts in the font reader and the PNG writer give the same answers as the
 * straightforward code they replaced: kerning by binary search in the font's table (every pair of
 * DejaVu Sans, read here by a plain scan of the table), and zlib's CRC-32 (against the
 * JavaScript table-driven one kept for Node before 20.15, and the standard check value).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crc32, crc32Js } from '../../src/paint/raster/png.js';
import { parseTrueType, readTableDirectory } from '../../src/paint/fonts/truetype.js';
import { packageFile } from '../../src/resources.js';

describe('kerning', () => {
  const bytes = readFileSync(packageFile('fonts/DejaVuSans.ttf'));
  const font = parseTrueType(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kern = readTableDirectory(view).get('kern')!.offset;
  const count = view.getUint16(kern + 4 + 6);
  const pairs = Array.from({ length: count }, (_, i) => {
    const p = kern + 4 + 14 + 6 * i;
    return { left: view.getUint16(p), right: view.getUint16(p + 2), value: view.getInt16(p + 4) };
  });

  it('finds every pair of the table with its value', () => {
    expect(count).toBeGreaterThan(2000);
    for (const { left, right, value } of pairs) expect(font.kerning(left, right)).toBe(value);
  });
  it('is 0 for pairs the table lacks', () => {
    const listed = new Set(pairs.map((p) => p.left * 65536 + p.right));
    const A = font.glyphIndex(0x41);
    const V = font.glyphIndex(0x56);
    expect(font.kerning(A, V)).toBeLessThan(0); // "AV" is kerned tighter
    for (let left = 0; left < 200; left++) {
      for (const right of [0, 1, 36, 57, 999])
        if (!listed.has(left * 65536 + right)) expect(font.kerning(left, right)).toBe(0);
    }
  });
});

describe('crc32', () => {
  it('gives the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32Js(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
  it('agrees between zlib and JavaScript on data of every length up to 300 bytes', () => {
    let s = 7;
    const data = Uint8Array.from({ length: 300 }, () => (s = (s * 1103515245 + 12345) % 2147483648) & 0xff);
    for (let n = 0; n <= data.length; n++) expect(crc32(data.subarray(0, n))).toBe(crc32Js(data.subarray(0, n)));
  });
});
