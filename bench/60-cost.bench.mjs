// How much the cost row (`info --cost`, `compare --cost`) varies: the same measurement in 7
// separate processes, as 7 runs of the command would give, per function: the median of the 7
// figures, their range, and max/min. A figure that holds still has max/min near 1; the machine's
// load (2 shared cores) shows here too.
import { spawnSync } from 'node:child_process';
import { bin, line, root, section } from './lib.mjs';

const RUNS = 7;
const FUNCTIONS = ['ReLU', 'Sigmoid', 'Tanh', 'GELU', 'Mish', 'Softmax'];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export default async function () {
  section(`cost row variation: info --cost --json in ${RUNS} processes (ns per call: median [min–max] max/min)`);
  const figures = new Map(
    FUNCTIONS.flatMap((name) => [
      [`${name} f`, []],
      [`${name} f′`, []],
    ]),
  );
  for (let r = 0; r < RUNS; r++) {
    const p = spawnSync(process.execPath, [bin, 'info', ...FUNCTIONS, '--json', '--cost'], {
      cwd: root,
      encoding: 'utf8',
    });
    if (p.status !== 0) {
      line('info --cost', `FAILED: ${p.stderr.trim().split('\n')[0]}`);
      return;
    }
    for (const entry of JSON.parse(p.stdout)) {
      const c = entry.properties.costNs;
      figures.get(`${entry.name} f`).push(c.f);
      figures.get(`${entry.name} f′`).push(c.df);
    }
  }
  for (const [label, xs] of figures) {
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    line(label, `${median(xs).toFixed(1)} ns  [${lo.toFixed(1)}–${hi.toFixed(1)}]  ${(hi / lo).toFixed(2)}×`);
  }
}
