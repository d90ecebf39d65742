// `actfn grad-check --all`, whole process (start-up, every catalog entry at every point, the
// report): target under 3 s on this machine. Also at --order 2, with `node -e 0` interleaved for
// scale. Exit code 1 (some entry failing its check) is reported, not timed.
import { bin, interleaved, line, NODE_E_0, section, verdict } from './lib.mjs';

const TARGET_MS = 3000;

export default async function () {
  section('grad-check: whole process wall time (median of 5, interleaved with node -e 0)');
  let t;
  try {
    t = interleaved(
      { base: NODE_E_0, order1: [bin, 'grad-check', '--all'], order2: [bin, 'grad-check', '--all', '--order', '2'] },
      { runs: 5 },
    );
  } catch (err) {
    line('actfn grad-check --all', `not timed: ${String(err.message).split('\n')[0]}`);
    return;
  }
  line('node -e 0 (baseline)', `${t.base.toFixed(0)} ms`);
  line('actfn grad-check --all', `${t.order1.toFixed(0)} ms  ${verdict(t.order1, TARGET_MS)}`);
  line('actfn grad-check --all --order 2', `${t.order2.toFixed(0)} ms  ${verdict(t.order2, TARGET_MS)}`);
}
