// Run by 10-catalog.bench.mjs, one fresh process per measurement, so that the loop calling f and
// f′ only ever sees that entry's functions (shared by several entries in one process, its call
// sites turn megamorphic and V8 stops inlining: up to 3× slower than an entry's own loop).
//   node bench/catalog-entry.mjs <name>      f and f′ of a catalog entry, default parameters
//   node bench/catalog-entry.mjs --baseline  a plain JavaScript loop of σ and σ(1−σ)
// Prints the best of 5 runs over 10⁶ points, in M points/s.
import { catalog } from '../dist/index.js';
import { bestOf, benchPoints } from './lib.mjs';

const N = 1_000_000;
const RUNS = 5;
const name = process.argv[2];
// Mostly the plotted range, every tenth point in the tails.
const x = benchPoints(N, { spread: 12, tailEvery: 10, tailSpread: 200 });
const y = new Float64Array(N);
const dy = new Float64Array(N);

function measure() {
  if (name === '--baseline') {
    return bestOf(RUNS, () => {
      for (let i = 0; i < N; i++) {
        const s = 1 / (1 + Math.exp(-x[i]));
        y[i] = s;
        dy[i] = s * (1 - s);
      }
    });
  }
  const entry = catalog.find((e) => e.name === name);
  if (!entry) throw new Error(`no catalog entry ${name}`);
  const params = Object.fromEntries(entry.params.map((p) => [p.name, p.default]));
  if (entry.kind === 'vector') {
    const k = entry.kernel(params);
    return bestOf(RUNS, () => k.apply(x, y, dy));
  }
  const { f, df } = entry.kernel(params);
  return bestOf(RUNS, () => {
    for (let i = 0; i < N; i++) {
      const xi = x[i];
      y[i] = f(xi);
      dy[i] = df(xi);
    }
  });
}

process.stdout.write(`${N / measure() / 1e6}\n`);
