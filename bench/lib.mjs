// Shared helpers for the benchmarks: whole-process timings and peak memory, reported as ratios
// against a baseline measured in the same run (this machine is shared and noisy).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const bin = fileURLToPath(new URL('../bin/actfn.js', import.meta.url));
const rssHook = new URL('./rss-hook.mjs', import.meta.url).href;

/** Median wall time in ms of `node args…` over `runs` runs (after one warm-up). */
export function wallTimeMs(args, { runs = 15, cwd = root, env = process.env } = {}) {
  const times = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    if (i > 0) times.push(ms);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
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

/**
 * Wall time in ms of one run of `node args…` (stdout ignored). Throws with the command's stderr if
 * it fails. For interleaving a command with its baseline run by run.
 */
export function wallTimeOnceMs(args, { cwd = root } = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr.trim()}`);
  return ms;
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
