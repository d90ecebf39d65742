// `actfn list` (plain and with every property filter), `info GELU` and `diff`, whole process, against
// `node -e 0` and `actfn table GELU` interleaved run by run (issue #13: they start as fast as table).
// list's filters and info's properties come from the build's catalog facts
// (src/commands/catalog-facts.ts); diff evaluates f and f′ of both functions at 4001 points and
// refines the maxima: its start-up alone is the 2-point run.
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
        diffStart: [bin, 'diff', 'GELU', 'GELU(approximate=tanh)', '--samples', '2'],
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
  line('  the same, 2 points (start-up alone)', timeAndRatio(t.diffStart, t.base));
}
