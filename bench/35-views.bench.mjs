// Start-up of the quick-lookup views, whole process, interleaved with `node -e 0` (median of 21):
// `list`, `info GELU --no-chart`, a 6-function `table`, and each on a terminal's width (`--width 80`,
// the wrapping code path). Same target as `table GELU` (bench/30-table.bench.mjs): ≤ 1.3×.
import { bin, interleaved, line, NODE_E_0, section, timeAndRatio } from './lib.mjs';

const RUNS = 21;
const TARGET = 1.3;
const SIX = ['GELU', 'Sigmoid', 'Tanh', 'Mish', 'ReLU', 'SiLU'];

export default async function () {
  section(`quick-lookup views: whole process vs node -e 0 (median of ${RUNS}, interleaved)`);
  const commands = {
    base: NODE_E_0,
    list: [bin, 'list'],
    listWidth: [bin, 'list', '--width', '80'],
    info: [bin, 'info', 'GELU', '--no-chart'],
    infoWidth: [bin, 'info', 'GELU', '--no-chart', '--width', '80'],
    table6: [bin, 'table', ...SIX],
    table6Width: [bin, 'table', ...SIX, '--width', '80'],
  };
  let t;
  try {
    t = interleaved(commands, { runs: RUNS });
  } catch (err) {
    line('views', `FAILED: ${String(err.message).split('\n')[0]}`);
    return;
  }
  line('node -e 0', `${t.base.toFixed(1)} ms`);
  line('actfn list', timeAndRatio(t.list, t.base, TARGET));
  line('actfn list --width 80', timeAndRatio(t.listWidth, t.base, TARGET));
  line('actfn info GELU --no-chart', timeAndRatio(t.info, t.base, TARGET));
  line('actfn info GELU --no-chart --width 80', timeAndRatio(t.infoWidth, t.base, TARGET));
  line(`actfn table ${SIX.join(' ')}`, timeAndRatio(t.table6, t.base, TARGET));
  line(`actfn table (6 functions) --width 80`, timeAndRatio(t.table6Width, t.base, TARGET));
}
