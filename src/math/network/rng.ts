/**
 * A seeded generator of float64 uniforms and normals, the same sequence on every machine:
 * xoshiro128** (32-bit words, so no BigInt) seeded through splitmix32, two words per 53-bit
 * uniform, and normals by the Marsaglia polar method.
 */
export interface Rng {
  /** Uniform in [0, 1), 53 random bits. */
  uniform(): number;
  /** Standard normal. */
  normal(): number;
  /** The state, to replay a stretch of the sequence (the random MLP regenerates its weights). */
  save(): RngState;
  restore(state: RngState): void;
}

export interface RngState {
  readonly words: readonly [number, number, number, number];
  readonly spare: number | undefined;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Any seed from 0 to 2⁵³ − 1: its high and low words both reach the state. */
export function createRng(seed: number): Rng {
  if (!(Number.isInteger(seed) && seed >= 0 && seed <= Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`the seed must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER} (got ${seed})`);
  }
  const mixLo = splitmix32(seed >>> 0);
  const mixHi = splitmix32(Math.floor(seed / 2 ** 32) ^ 0x5bd1e995);
  let a = (mixLo() ^ mixHi()) >>> 0;
  let b = (mixLo() ^ mixHi()) >>> 0;
  let c = (mixLo() ^ mixHi()) >>> 0;
  let d = (mixLo() ^ mixHi()) >>> 0;
  if ((a | b | c | d) === 0) a = 1;
  let spare: number | undefined;
  const next = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  const uniform = () => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
  return {
    uniform,
    normal() {
      if (spare !== undefined) {
        const s = spare;
        spare = undefined;
        return s;
      }
      for (;;) {
        const u = 2 * uniform() - 1;
        const v = 2 * uniform() - 1;
        const s = u * u + v * v;
        if (s > 0 && s < 1) {
          const m = Math.sqrt((-2 * Math.log(s)) / s);
          spare = v * m;
          return u * m;
        }
      }
    },
    save: () => ({ words: [a, b, c, d], spare }),
    restore(state) {
      [a, b, c, d] = state.words;
      spare = state.spare;
    },
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
