// `actfn plot GELU`, whole process from a cold start, against `node -e 0` interleaved run by run
// (target ≤ 1.5×), its peak RSS (target < 120 MiB), and `actfn plot --all --out-dir <tmp>`: the
// whole catalog in one process (target < 2 s). Reference figures from the issue (other machine):
// the article's torch + matplotlib code 2.4 s and 269 MiB for one figure, gnuplot's pngcairo 0.05 s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bin,
  codeCacheState,
  interleaved,
  line,
  median,
  NODE_E_0,
  peakRssMiB,
  section,
  timeAndRatio,
  wallTimeOnceMs,
} from './lib.mjs';

const RUNS = 21;

export default async function () {
  const dir = mkdtempSync(join(tmpdir(), 'actfn-bench-plot-'));
  try {
    const plot = [bin, 'plot', 'GELU', '-o', join(dir, 'GELU.png')];
    section(`actfn plot GELU: whole process vs node -e 0 (median of ${RUNS}, interleaved)`);
    line('V8 code cache', codeCacheState());
    const t = interleaved(
      {
        base: NODE_E_0,
        plot,
        // For reading the figures: the CLI alone, the SVG path (no rasterizing, no PNG encoding),
        // and the PNG without the code cache (as with another Node version than the build's).
        version: [bin, '--version'],
        svg: [bin, 'plot', 'GELU', '-o', join(dir, 'GELU.svg')],
        noCache: { args: plot, env: { ACTFN_NO_CODE_CACHE: '1' } },
      },
      { runs: RUNS },
    );
    line('node -e 0', `${t.base.toFixed(1)} ms`);
    line('actfn plot GELU (PNG)', timeAndRatio(t.plot, t.base, 1.5));
    line('  for comparison: actfn --version', timeAndRatio(t.version, t.base));
    line('  for comparison: actfn plot GELU -o x.svg', timeAndRatio(t.svg, t.base));
    line('  for comparison: PNG without the code cache', timeAndRatio(t.noCache, t.base));
    const rss = peakRssMiB(plot);
    line('peak RSS', `${rss.toFixed(1)} MiB ${rss < 120 ? 'ok (target < 120)' : 'OVER (target < 120)'}`);

    section('actfn plot --all --out-dir <tmp>: the whole catalog in one process (median of 5)');
    const all = [];
    for (let i = 0; i < 5; i++) all.push(wallTimeOnceMs([bin, 'plot', '--all', '--out-dir', join(dir, 'all')]));
    const seconds = median(all) / 1000;
    line('wall time', `${seconds.toFixed(2)} s ${seconds < 2 ? 'ok (target < 2 s)' : 'OVER (target < 2 s)'}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
