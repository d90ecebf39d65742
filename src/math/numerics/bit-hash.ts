/**
 * A deterministic "random" number in [0, 1) from a seed and the bit pattern of a double: RReLU's
 * training mode draws its slopes with it, so the same command always draws the same slopes.
 * Not cryptographic; just well mixed (murmur3's finalizer on 32-bit words). Allocation-free.
 */

const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);

/** murmur3 fmix32: every input bit affects every output bit. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The per-seed key for uniformFromBits; seed is an integer in [0, 2^53). */
export function seedKey(seed: number): number {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  return mix32(lo ^ mix32(hi ^ 0x9e3779b9));
}

/** A uniform double in [0, 1) with 53 random bits, a function of (key, the 64 bits of x) only. */
export function uniformFromBits(key: number, x: number): number {
  scratch[0] = x;
  const h1 = mix32(words[0]! ^ key);
  const h2 = mix32(words[1]! ^ h1 ^ 0x632be5ab);
  const h3 = mix32(h1 ^ Math.imul(h2, 0x27d4eb2f));
  return ((h2 >>> 5) * 67108864 + (h3 >>> 6)) / 9007199254740992;
}
