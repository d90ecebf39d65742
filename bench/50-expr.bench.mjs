// Expressions: parsed and compiled once, then f and f′ (forward-mode AD) over 10⁶ points.
// Target (issue 6): `x*sigmoid(1.702*x)` with its derivative at ≥ 5 M points/s.
import { resolveSpec } from '../dist/index.js';
import { bestOf, benchPoints, line, section } from './lib.mjs';

const N = 1_000_000;
const TARGET = 5;

function throughput(spec, x) {
  const t0 = process.hrtime.bigint();
  const fn = resolveSpec(spec);
  const compileMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const t = bestOf(5, () => fn.evaluate(x));
  return { rate: N / t / 1e6, compileMs };
}

export default async function () {
  section('expressions: parse + compile once, then f and f′ over 10⁶ points (M points/s, best of 5)');
  const x = benchPoints(N, { spread: 12 });
  const specs = [
    'x*sigmoid(1.702*x)',
    '0.5*x*(1+tanh(sqrt(2/pi)*(x+0.044715*x^3)))',
    'max(0, x)',
    'where(x > 0, x, 0.01*x)',
  ];
  for (const spec of specs) {
    const { rate, compileMs } = throughput(spec, x);
    const verdict =
      spec === specs[0] ? (rate >= TARGET ? `  ok (target ≥ ${TARGET})` : `  UNDER (target ≥ ${TARGET})`) : '';
    line(spec, `${rate.toFixed(1)}${verdict}   (parse+compile ${compileMs.toFixed(2)} ms)`);
  }
}
