// `actfn plot GELU`, whole process from a cold start, against `node -e 0` in the same run (target
// ≤ 1.5×), its peak RSS (target < 120 MiB), and `actfn plot --all --out-dir <tmp>`: the whole
// catalog in one process (target < 2 s). Runs are interleaved with the baseline so that the load
// of this shared machine hits both alike. Reference figures from the issue (other machine): the
// article's torch + matplotlib code 2.4 s and 269 MiB for one figure, gnuplot's pngcairo 0.05 s.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, line, peakRssMiB, root, section, verdict } from './lib.mjs';

const RUNS = 21;

function once(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr.trim()}`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export default async function () {
  const dir = mkdtempSync(join(tmpdir(), 'actfn-bench-plot-'));
  try {
    // GELU is the example; fall back to ELU while the catalog lacks it.
    const name = spawnSync(process.execPath, [bin, 'table', 'GELU', '--x', '0'], { stdio: 'ignore' }).status === 0 ? 'GELU' : 'ELU';
    const command = [bin, 'plot', name, '-o', join(dir, `${name}.png`)];
    // For reading the figures: the CLI alone (commander, no catalog) and the SVG path (no raster).
    const version = [bin, '--version'];
    const svgCommand = [bin, 'plot', name, '-o', join(dir, `${name}.svg`)];
    section(`actfn plot ${name}: whole process vs node -e 0 (median of ${RUNS}, interleaved)`);
    const runs = { base: [], plot: [], version: [], svg: [] };
    for (const args of [['-e', '0'], command, version, svgCommand]) once(args);
    for (let i = 0; i < RUNS; i++) {
      runs.base.push(once(['-e', '0']));
      runs.plot.push(once(command));
      runs.version.push(once(version));
      runs.svg.push(once(svgCommand));
    }
    const base = median(runs.base);
    const ratio = median(runs.plot) / base;
    line('node -e 0', `${base.toFixed(1)} ms`);
    line(`actfn plot ${name} (PNG)`, `${median(runs.plot).toFixed(1)} ms`);
    line('ratio', `${ratio.toFixed(2)}× ${verdict(ratio, 1.5)}`);
    line('  for comparison: actfn --version', `${median(runs.version).toFixed(1)} ms (${(median(runs.version) / base).toFixed(2)}×)`);
    line(`  for comparison: actfn plot ${name} -o x.svg`, `${median(runs.svg).toFixed(1)} ms (${(median(runs.svg) / base).toFixed(2)}×)`);
    const rss = peakRssMiB(command);
    line('peak RSS', `${rss.toFixed(1)} MiB ${rss < 120 ? 'ok (target < 120)' : 'OVER (target < 120)'}`);

    section('actfn plot --all --out-dir <tmp>: the whole catalog in one process (median of 5)');
    const all = [];
    for (let i = 0; i < 5; i++) all.push(once([bin, 'plot', '--all', '--out-dir', join(dir, 'all')]));
    const seconds = median(all) / 1000;
    line('wall time', `${seconds.toFixed(2)} s ${seconds < 2 ? 'ok (target < 2 s)' : 'OVER (target < 2 s)'}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
