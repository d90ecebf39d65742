// Throughput of f and f′ together for every catalog entry, over 10⁶ points, into preallocated
// arrays (nothing is allocated per point). Reference (PyTorch 1.13, CPU float64, one thread, same
// machine type): GELU 19, Sigmoid 214, ReLU 352, Mish 25 M points/s; a plain JS loop of σ and σ(1−σ): 43.
import { catalog } from '../dist/index.js';
import { section, line } from './lib.mjs';

const N = 1_000_000;

function points() {
  // Mostly the plotted range, with some tails: a fixed pseudo-random sequence.
  const x = new Float64Array(N);
  let s = 12345;
  for (let i = 0; i < N; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const u = s / 2147483648;
    x[i] = i % 10 === 0 ? (u - 0.5) * 200 : (u - 0.5) * 12;
  }
  return x;
}

function bestOf(runs, fn) {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return best;
}

export default async function () {
  section('catalog throughput: f and f′ over 10⁶ points (M points/s, best of 5)');
  const x = points();
  const y = new Float64Array(N);
  const dy = new Float64Array(N);
  // Baseline: a hand-written loop of σ and σ(1−σ), as in the reference figure.
  const base = bestOf(5, () => {
    for (let i = 0; i < N; i++) {
      const s = 1 / (1 + Math.exp(-x[i]));
      y[i] = s;
      dy[i] = s * (1 - s);
    }
  });
  line('plain JS loop σ, σ(1−σ) (baseline)', `${(N / base / 1e6).toFixed(1)}`);
  for (const entry of catalog) {
    const params = Object.fromEntries(entry.params.map((p) => [p.name, p.default]));
    let t;
    if (entry.kind === 'pointwise') {
      const { f, df } = entry.kernel(params);
      t = bestOf(5, () => {
        for (let i = 0; i < N; i++) {
          const xi = x[i];
          y[i] = f(xi);
          dy[i] = df(xi);
        }
      });
    } else {
      const k = entry.kernel(params);
      t = bestOf(5, () => k.apply(x, y, dy));
    }
    line(`${entry.name}${entry.kind === 'vector' ? ' (whole vector)' : ''}`, `${(N / t / 1e6).toFixed(1)}`);
  }
}
