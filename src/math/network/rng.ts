/**
 * A seeded generator of float64 uniforms and normals, the same sequence on every machine:
 * xoshiro128** (32-bit words, so no BigInt) seeded through splitmix32, two words per 53-bit
 * uniform, and normals by the Marsaglia polar method. A class with plain fields: V8 keeps them in
 * registers, several times faster than closure variables here.
 */
export interface RngState {
  readonly words: readonly [number, number, number, number];
  readonly spare: number;
  readonly hasSpare: boolean;
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

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare = 0;
  private hasSpare = false;

  /** Any seed from 0 to 2⁵³ − 1: its high and low words both reach the state. */
  constructor(seed: number) {
    if (!(Number.isInteger(seed) && seed >= 0 && seed <= Number.MAX_SAFE_INTEGER)) {
      throw new RangeError(`the seed must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER} (got ${seed})`);
    }
    const lo = splitmix32(seed >>> 0);
    const hi = splitmix32(Math.floor(seed / 2 ** 32) ^ 0x5bd1e995);
    this.a = (lo() ^ hi()) >>> 0;
    this.b = (lo() ^ hi()) >>> 0;
    this.c = (lo() ^ hi()) >>> 0;
    this.d = (lo() ^ hi()) >>> 0;
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /** The next 32-bit word. */
  next(): number {
    const b = this.b;
    const r = Math.imul(b, 5);
    const rot = (r << 7) | (r >>> 25);
    const result = Math.imul(rot, 9) >>> 0;
    const t = b << 9;
    this.c ^= this.a;
    this.d ^= b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = (this.d << 11) | (this.d >>> 21);
    return result;
  }

  /** Uniform in [0, 1), 53 random bits. */
  uniform(): number {
    return ((this.next() >>> 5) * 67108864 + (this.next() >>> 6)) / 9007199254740992;
  }

  /** Standard normal. */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    for (;;) {
      const u = 2 * this.uniform() - 1;
      const v = 2 * this.uniform() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const m = Math.sqrt((-2 * Math.log(s)) / s);
        this.spare = v * m;
        this.hasSpare = true;
        return u * m;
      }
    }
  }

  /** Fills `out` with standard normals (the same values as calling normal() out.length times). */
  fillNormal(out: Float64Array): void {
    for (let i = 0; i < out.length; i++) out[i] = this.normal();
  }

  /** The state, to replay a stretch of the sequence (the random MLP regenerates its weights). */
  save(): RngState {
    return { words: [this.a, this.b, this.c, this.d], spare: this.spare, hasSpare: this.hasSpare };
  }

  restore(state: RngState): void {
    [this.a, this.b, this.c, this.d] = state.words;
    this.spare = state.spare;
    this.hasSpare = state.hasSpare;
  }
}

export function createRng(seed: number): Rng {
  return new Rng(seed);
}
