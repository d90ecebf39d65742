// `actfn grad-check --all`, whole process (start-up, every catalog entry at every point, the
// report): target under 3 s on this machine. Also at --order 2, and `node -e 0` for scale.
import { bin, line, section, verdict, wallTimeMs } from './lib.mjs';

const TARGET_MS = 3000;

function timed(label, args) {
  try {
    const ms = wallTimeMs(args, { runs: 5 });
    line(label, `${ms.toFixed(0)} ms  ${verdict(ms, TARGET_MS)}`);
  } catch (err) {
    // wallTimeMs insists on exit code 0: exit 1 here means some entry failed its check.
    line(label, `not timed: ${String(err.message).split('\n')[0]}`);
  }
}

export default async function () {
  section('grad-check: whole process wall time (median of 5)');
  line('node -e 0 (baseline)', `${wallTimeMs(['-e', '0'], { runs: 5 }).toFixed(0)} ms`);
  timed('actfn grad-check --all', [bin, 'grad-check', '--all']);
  timed('actfn grad-check --all --order 2', [bin, 'grad-check', '--all', '--order', '2']);
}
