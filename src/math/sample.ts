/**
 * Sampling a function for a chart: the x grid, with every kink inserted exactly (so that ReLU's
 * corner is sharp at any step), and the curves of f and f′ cut into polylines wherever they are
 * discontinuous, so that no renderer joins the two sides of a jump with a vertical stroke.
 * Pure: no I/O, no drawing.
 */
import type { ActivationFn, Kink } from './types.js';

/** An unbroken piece of a sampled curve; every value finite. */
export interface Piece {
  readonly x: Float64Array;
  readonly y: Float64Array;
}

export interface SampledFunction {
  /** The grid the function was evaluated on (kinks included for pointwise functions). */
  readonly x: Float64Array;
  readonly f: readonly Piece[];
  readonly df: readonly Piece[];
}

// The grid itself is grid.ts's; charts import it from here with the sampling they feed it.
export { sampleGrid, type Sampling } from './grid.js';

/** Samples f and f′ on `grid`; pointwise functions also at each kink inside it. */
export function sampleFunction(fn: ActivationFn, grid: Float64Array): SampledFunction {
  if (!fn.pointwise) {
    // Vector functions (Softmax) act on the whole vector: the grid itself is the input.
    const { y, dy } = fn.evaluate(grid);
    return { x: grid, f: jumpPieces(grid, y), df: jumpPieces(grid, dy) };
  }
  const lo = grid[0]!;
  const hi = grid[grid.length - 1]!;
  const kinks = fn.kinks.filter((k) => k.x >= lo && k.x <= hi).sort((p, q) => p.x - q.x);
  const x = mergeSorted(
    grid,
    kinks.map((k) => k.x),
  );
  const { y, dy } = fn.evaluate(x);
  const { f } = fn.pointwise;
  const fPieces: Piece[] = [];
  const dfPieces: Piece[] = [];
  const fTracer = new PieceBuilder(fPieces);
  const dfTracer = new PieceBuilder(dfPieces);
  let k = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    const kink: Kink | undefined = kinks[k]?.x === xi ? kinks[k] : undefined;
    if (!kink) {
      fTracer.add(xi, y[i]!);
      dfTracer.add(xi, dy[i]!);
      continue;
    }
    while (kinks[k]?.x === xi) k++;
    if (kink.jump) {
      // f's one-sided limits, evaluated just beside the kink: close the left piece, open the right.
      const d = 1e-9 * Math.max(1, Math.abs(xi));
      fTracer.add(xi, f(xi - d));
      fTracer.break();
      fTracer.add(xi, f(xi + d));
    } else {
      fTracer.add(xi, y[i]!);
    }
    if (kink.jump || kink.left !== kink.right) {
      dfTracer.add(xi, kink.left);
      dfTracer.break();
      dfTracer.add(xi, kink.right);
    } else {
      dfTracer.add(xi, kink.left);
    }
  }
  fTracer.break();
  dfTracer.break();
  return { x, f: fPieces, df: dfPieces };
}

/** Cuts (x, y) into pieces at every non-finite y. */
export function finitePieces(x: Float64Array, y: Float64Array): Piece[] {
  const out: Piece[] = [];
  const tracer = new PieceBuilder(out);
  for (let i = 0; i < x.length; i++) tracer.add(x[i]!, y[i]!);
  tracer.break();
  return out;
}

/**
 * Cuts (x, y) into pieces at every non-finite y and at every jump: a step more than 8 times
 * both of its neighbours (Sparsemax's f′ where an input enters the support). Vector functions
 * have no kinks list to say where their jumps are.
 */
export function jumpPieces(x: Float64Array, y: Float64Array): Piece[] {
  const out: Piece[] = [];
  const tracer = new PieceBuilder(out);
  const step = (i: number) => (i >= 1 && i < y.length ? Math.abs(y[i]! - y[i - 1]!) : 0);
  for (let i = 0; i < x.length; i++) {
    const d = step(i);
    if (d > 0 && d > 8 * step(i - 1) && d > 8 * step(i + 1)) tracer.break();
    tracer.add(x[i]!, y[i]!);
  }
  tracer.break();
  return out;
}

/** |y| of every piece, cut where it is 0 or not finite: what a log axis can show. */
export function absPositivePieces(pieces: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  const tracer = new PieceBuilder(out);
  for (const p of pieces) {
    for (let i = 0; i < p.x.length; i++) {
      const v = Math.abs(p.y[i]!);
      if (v > 0) tracer.add(p.x[i]!, v);
      else tracer.break();
    }
    tracer.break();
  }
  return out;
}

/** The sorted union of a sorted grid and sorted extra points (exact duplicates kept once). */
function mergeSorted(grid: Float64Array, extra: readonly number[]): Float64Array {
  if (extra.length === 0) return grid;
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < grid.length; i++) {
    const g = grid[i]!;
    while (j < extra.length && extra[j]! <= g) {
      if (extra[j]! < g && out[out.length - 1] !== extra[j]) out.push(extra[j]!);
      j++;
    }
    out.push(g);
  }
  while (j < extra.length) {
    if (out[out.length - 1] !== extra[j]) out.push(extra[j]!);
    j++;
  }
  return Float64Array.from(out);
}

/** Collects points into pieces; a non-finite value or an explicit break ends the current piece. */
class PieceBuilder {
  private xs: number[] = [];
  private ys: number[] = [];
  constructor(private readonly out: Piece[]) {}

  add(x: number, y: number): void {
    if (!Number.isFinite(y)) {
      this.break();
      return;
    }
    this.xs.push(x);
    this.ys.push(y);
  }

  break(): void {
    if (this.xs.length > 0) this.out.push({ x: Float64Array.from(this.xs), y: Float64Array.from(this.ys) });
    this.xs = [];
    this.ys = [];
  }
}
