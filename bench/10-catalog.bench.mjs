// Throughput of f and f′ together for every catalog entry over 10⁶ points, into preallocated
// arrays (nothing is allocated per point), each entry in a fresh process (bench/catalog-entry.mjs)
// so that its loop is monomorphic, as it is when a command uses one function. Reference (PyTorch
// 1.13, CPU float64, one thread, same machine type): GELU 19, Sigmoid 214, ReLU 352, Mish 25
// M points/s; a plain JS loop of σ and σ(1−σ): 43.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { catalog } from '../dist/index.js';
import { line, root, section } from './lib.mjs';

const worker = fileURLToPath(new URL('./catalog-entry.mjs', import.meta.url));

function rate(arg) {
  const r = spawnSync(process.execPath, [worker, arg], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) return `FAILED: ${r.stderr.trim().split('\n')[0]}`;
  return Number(r.stdout).toFixed(1);
}

export default async function () {
  section('catalog throughput: f and f′ over 10⁶ points (M points/s, best of 5, one process per entry)');
  line('plain JS loop σ, σ(1−σ) (baseline)', rate('--baseline'));
  for (const entry of catalog)
    line(`${entry.name}${entry.kind === 'vector' ? ' (whole vector)' : ''}`, rate(entry.name));
}
