// Shared helpers for the benchmarks: whole-process timings (interleaved with their baseline),
// peak memory and in-process throughput, reported against figures measured in the same run (this
// machine is shared and noisy).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const bin = fileURLToPath(new URL('../bin/actfn.js', import.meta.url));
const rssHook = new URL('./rss-hook.mjs', import.meta.url).href;

/** The baseline every start-up target is a ratio of. */
export const NODE_E_0 = ['-e', '0'];

/**
 * Wall time in ms of one run of `node args…` (stdout ignored). Throws with the command's stderr if
 * it exits with another code than `status`.
 */
export function wallTimeOnceMs(args, { cwd = root, env = process.env, status = 0 } = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== status) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr.trim()}`);
  return ms;
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Median wall times in ms of several commands, interleaved: each round runs every command once, in
 * the order given, so that a busy moment of the machine hits all of them alike, and ratios between
 * them stay fair. `commands` maps a label to `node` arguments, or to { args, env, status }. Each
 * command runs once first, unmeasured (disk caches).
 */
export function interleaved(commands, { runs = 21, cwd = root } = {}) {
  const list = Object.entries(commands).map(([label, c]) => [label, Array.isArray(c) ? { args: c } : c]);
  const once = ({ args, env, status }) =>
    wallTimeOnceMs(args, { cwd, env: env ? { ...process.env, ...env } : process.env, status });
  for (const [, c] of list) once(c);
  const times = Object.fromEntries(list.map(([label]) => [label, []]));
  for (let i = 0; i < runs; i++) for (const [label, c] of list) times[label].push(once(c));
  return Object.fromEntries(list.map(([label]) => [label, median(times[label])]));
}

/** Peak resident memory in MiB of `node args…` (read by a preloaded hook at exit). */
export function peakRssMiB(args, { cwd = root, env = process.env } = {}) {
  const r = spawnSync(process.execPath, ['--import', rssHook, ...args], {
    cwd,
    env: { ...env, ACTFN_BENCH_RSS: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const m = /ACTFN_MAX_RSS_KB=(\d+)/.exec(r.stderr);
  if (!m) throw new Error(`no RSS reported by node ${args.join(' ')}: ${r.stderr}`);
  return Number(m[1]) / 1024;
}

/** The shortest of `runs` timings of `fn()`, in seconds (for throughput: noise only adds time). */
export function bestOf(runs, fn) {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return best;
}

/**
 * `n` points from a fixed pseudo-random sequence, uniform over ±spread/2; with `tailEvery`, every
 * tailEvery-th point uniform over ±tailSpread/2 instead (the tails, where saturating functions
 * take other code paths).
 */
export function benchPoints(n, { spread = 12, tailEvery = 0, tailSpread = 200 } = {}) {
  const x = new Float64Array(n);
  let s = 12345;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const u = s / 2147483648 - 0.5;
    x[i] = tailEvery && i % tailEvery === 0 ? u * tailSpread : u * spread;
  }
  return x;
}

export function section(title) {
  process.stdout.write(`\n## ${title}\n`);
}

export function line(label, value) {
  process.stdout.write(`${label.padEnd(52)} ${value}\n`);
}

/** Prints `measured` against `target` ("ok" / "OVER") for a ratio where lower is better. */
export function verdict(measured, target) {
  return measured <= target ? `ok (target ≤ ${target})` : `OVER (target ≤ ${target})`;
}

/** "83.1 ms  1.42×" and, with a target, its verdict. */
export function timeAndRatio(ms, baseMs, target) {
  const ratio = ms / baseMs;
  return `${ms.toFixed(1)} ms  ${ratio.toFixed(2)}×${target === undefined ? '' : `  ${verdict(Number(ratio.toFixed(2)), target)}`}`;
}

/**
 * Whether bin/actfn.js runs with the V8 code cache the build recorded: V8 rejects it under another
 * Node version or other V8 flags than the build's, and start-up then includes compiling the bundle.
 */
export function codeCacheState() {
  const r = spawnSync(process.execPath, [bin, '--version'], {
    env: { ...process.env, ACTFN_DEBUG: '1' },
    encoding: 'utf8',
  });
  const m = /not using dist\/actfn\.v8cache \(([^)]*)\)/.exec(r.stderr);
  return m ? `NOT USED: ${m[1]} (npm run build with this Node)` : 'used';
}
