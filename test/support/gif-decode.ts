/**
 * A small GIF decoder for tests, written from the GIF89a specification (independent of the
 * encoder): frames composed as a viewer shows them (transparent pixels keep what was there), with
 * their delays, plus the palette.
 */

export interface DecodedGif {
  readonly width: number;
  readonly height: number;
  readonly palette: readonly number[];
  /** Each frame as composed on screen, 0xrrggbb per pixel. */
  readonly frames: readonly Uint32Array[];
  /** Delays in hundredths of a second. */
  readonly delays: readonly number[];
  /** NETSCAPE2.0 loop count (0: forever), undefined when absent. */
  readonly loops?: number;
}

function lzwDecode(data: Uint8Array, minCodeSize: number, pixels: number): Uint8Array {
  const out = new Uint8Array(pixels);
  const clear = 1 << minCodeSize;
  const end = clear + 1;
  let size = minCodeSize + 1;
  let dict: number[][] = [];
  const reset = () => {
    dict = Array.from({ length: clear + 2 }, (_, i) => (i < clear ? [i] : []));
    size = minCodeSize + 1;
  };
  reset();
  let bits = 0;
  let acc = 0;
  let pos = 0;
  let n = 0;
  let prev: number[] | undefined;
  while (n < pixels) {
    while (bits < size) {
      if (pos >= data.length) return out;
      acc |= data[pos++]! << bits;
      bits += 8;
    }
    const code = acc & ((1 << size) - 1);
    acc >>>= size;
    bits -= size;
    if (code === clear) {
      reset();
      prev = undefined;
      continue;
    }
    if (code === end) break;
    let entry: number[];
    if (code < dict.length) entry = dict[code]!;
    else if (prev) entry = [...prev, prev[0]!];
    else throw new Error('bad LZW code');
    for (const v of entry) out[n++] = v;
    if (prev && dict.length < 4096) dict.push([...prev, entry[0]!]);
    if (dict.length === 1 << size && size < 12) size++;
    prev = entry;
  }
  return out;
}

export function decodeGif(bytes: Uint8Array): DecodedGif {
  const text = String.fromCharCode(...bytes.subarray(0, 6));
  if (text !== 'GIF89a' && text !== 'GIF87a') throw new Error('not a GIF');
  const u16 = (at: number) => bytes[at]! | (bytes[at + 1]! << 8);
  const width = u16(6);
  const height = u16(8);
  const flags = bytes[10]!;
  let p = 13;
  const readTable = (f: number) => {
    const n = 2 << (f & 7);
    const t: number[] = [];
    for (let i = 0; i < n; i++)
      t.push((bytes[p + 3 * i]! << 16) | (bytes[p + 3 * i + 1]! << 8) | bytes[p + 3 * i + 2]!);
    p += 3 * n;
    return t;
  };
  const global = flags & 0x80 ? readTable(flags) : [];
  const screen = new Uint32Array(width * height);
  const frames: Uint32Array[] = [];
  const delays: number[] = [];
  let loops: number | undefined;
  let transparent: number | undefined;
  let delay = 0;
  const subBlocks = (): Uint8Array => {
    const parts: number[] = [];
    for (let n = bytes[p++]!; n > 0; n = bytes[p++]!) {
      for (let i = 0; i < n; i++) parts.push(bytes[p + i]!);
      p += n;
    }
    return Uint8Array.from(parts);
  };
  while (p < bytes.length) {
    const block = bytes[p++]!;
    if (block === 0x3b) break;
    if (block === 0x21) {
      const label = bytes[p++]!;
      const body = subBlocks();
      if (label === 0xf9) {
        delay = body[1]! | (body[2]! << 8);
        transparent = body[0]! & 1 ? body[3]! : undefined;
      } else if (label === 0xff && String.fromCharCode(...body.subarray(0, 11)) === 'NETSCAPE2.0') {
        loops = body[12]! | (body[13]! << 8);
      }
      continue;
    }
    if (block !== 0x2c) throw new Error(`unexpected block 0x${block.toString(16)}`);
    const [x, y, w, h, f] = [u16(p), u16(p + 2), u16(p + 4), u16(p + 6), bytes[p + 8]!];
    p += 9;
    const table = f & 0x80 ? readTable(f) : global;
    const min = bytes[p++]!;
    const index = lzwDecode(subBlocks(), min, w * h);
    for (let j = 0; j < h; j++) {
      for (let i = 0; i < w; i++) {
        const k = index[j * w + i]!;
        if (k !== transparent) screen[(y + j) * width + x + i] = table[k]!;
      }
    }
    frames.push(screen.slice());
    delays.push(delay);
    transparent = undefined;
  }
  return { width, height, palette: global, frames, delays, ...(loops !== undefined ? { loops } : {}) };
}
