// `actfn list` (plain and with every property filter), `info GELU` and `diff`, whole process, against
// `node -e 0` and `actfn table GELU` interleaved run by run (issue #13: they start as fast as table).
// list's filters compute properties of every entry on a coarse grid (src/math/traits.ts); diff
// samples 10,001 points of two functions and refines the maxima.
import { bin, interleaved, line, NODE_E_0, section, timeAndRatio } from './lib.mjs';

const RUNS = 15;

export default async function () {
  section(`list, info, diff: whole process vs node -e 0 and table GELU (median of ${RUNS}, interleaved)`);
  let t;
  try {
    t = interleaved(
      {
        base: NODE_E_0,
        table: [bin, 'table', 'GELU'],
        list: [bin, 'list'],
        filtered: [bin, 'list', '--smooth', '--monotonic', '--bounded', '--zero-centered', '--self-gated'],
        info: [bin, 'info', 'GELU', '--no-chart'],
        bibtex: [bin, 'info', 'GELU', '--bibtex'],
        diff: [bin, 'diff', 'GELU', 'GELU(approximate=tanh)'],
      },
      { runs: RUNS },
    );
  } catch (err) {
    line('list/info/diff', `FAILED: ${err.message}`);
    return;
  }
  line('node -e 0', `${t.base.toFixed(1)} ms`);
  line('actfn table GELU', timeAndRatio(t.table, t.base));
  line('actfn list', timeAndRatio(t.list, t.base));
  line('actfn list with all five property filters', timeAndRatio(t.filtered, t.base));
  line('actfn info GELU --no-chart', timeAndRatio(t.info, t.base));
  line('actfn info GELU --bibtex', timeAndRatio(t.bibtex, t.base));
  line('actfn diff GELU "GELU(approximate=tanh)"', timeAndRatio(t.diff, t.base));
}
