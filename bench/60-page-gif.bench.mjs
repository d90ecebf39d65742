// Interactive pages and animated GIFs. Targets (issue 14): a page under 300 KB; a 40-frame
// 500×350 sweep in about a second, in process (`compare "ELU(alpha=0.1..3)" GELU`, frames drawn,
// laid out with fixed axes, rasterized and encoded), best of 3; the GIF's size; and the whole
// command as a process (median of 5), for reading the figure with start-up included.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from '../dist/index.js';
import { bin, line, median, section, wallTimeOnceMs } from './lib.mjs';

const PAGE_LIMIT = 300_000;
const GIF_SECONDS = 1;

async function bestOfAsync(runs, fn) {
  let best = Infinity;
  let cpu = Infinity;
  let result;
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    result = await fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
    cpu = Math.min(cpu, process.cpuUsage(c0).user / 1e6);
  }
  // CPU time as well: on a busy shared machine, wall time includes waiting for a core.
  return { seconds: best, cpu, result };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

export default async function () {
  section('interactive pages (-o x.html): size of the self-contained file');
  for (const [label, specs] of [
    ['plot "ELU(alpha=0.7)"', ['ELU(alpha=0.7)']],
    ['compare ReLU "ELU(alpha=0.5|1|2)" GELU Mish', ['ReLU', 'ELU(alpha=0.5|1|2)', 'GELU', 'Mish']],
    ['plot "x*sigmoid(1.702*x)"', ['x*sigmoid(1.702*x)']],
  ]) {
    const { bytes } = await render(specs, { format: 'html' });
    line(label, `${kb(bytes.length)} ${bytes.length < PAGE_LIMIT ? 'ok' : 'OVER'} (target < ${PAGE_LIMIT / 1000} KB)`);
  }
  line(
    '  of which the app (math, layout, SVG writer, font subset)',
    kb(statSync(new URL('../dist/page-app.js', import.meta.url)).size),
  );

  section('animated GIF: 40 frames at 500×350, in process (best of 3)');
  for (const [label, specs] of [
    ['compare "ELU(alpha=0.1..3)" GELU', ['ELU(alpha=0.1..3)', 'GELU']],
    ['plot "Softplus(beta=0.5..5)"', ['Softplus(beta=0.5..5)']],
  ]) {
    const { seconds, cpu, result } = await bestOfAsync(3, () => render(specs, { format: 'gif' }));
    const verdict =
      seconds <= GIF_SECONDS * 1.2 ? `ok (target about ${GIF_SECONDS} s)` : `OVER (target about ${GIF_SECONDS} s)`;
    line(label, `${seconds.toFixed(2)} s (CPU ${cpu.toFixed(2)} s)  ${kb(result.bytes.length)}  ${verdict}`);
  }
  const { seconds: one, result: still } = await bestOfAsync(3, () => render('GELU', { format: 'gif' }));
  line('plot GELU -o x.gif (one frame)', `${(one * 1000).toFixed(0)} ms  ${kb(still.bytes.length)}`);

  section('animated GIF as a process: actfn compare "ELU(alpha=0.1..3)" GELU -o x.gif (median of 5)');
  const dir = mkdtempSync(join(tmpdir(), 'actfn-bench-gif-'));
  try {
    const runs = [];
    for (let i = 0; i < 5; i++)
      runs.push(wallTimeOnceMs([bin, 'compare', 'ELU(alpha=0.1..3)', 'GELU', '-q', '-o', join(dir, 'x.gif')]));
    line('wall time', `${(median(runs) / 1000).toFixed(2)} s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
