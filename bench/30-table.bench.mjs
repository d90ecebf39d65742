// `actfn table GELU`, whole process, against `node -e 0` interleaved run by run (target ≤ 1.3×).
// Also what the command loads (test/support/load-log.cjs): neither the canvas nor the font (nor
// chalk, bundled and initialized only when stdout is a terminal).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bin, codeCacheState, interleaved, line, NODE_E_0, root, section, timeAndRatio } from './lib.mjs';

const RUNS = 21;
const TARGET = 1.3;
const LOAD_LOG = fileURLToPath(new URL('../test/support/load-log.cjs', import.meta.url));

function loaded(args) {
  const r = spawnSync(process.execPath, ['--require', LOAD_LOG, ...args], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const log = r.stderr.split('\n').find((l) => l.startsWith('ACTFN_LOAD_LOG '));
  return JSON.parse(log.slice('ACTFN_LOAD_LOG '.length));
}

export default async function () {
  section(`actfn table GELU: whole process vs node -e 0 (median of ${RUNS}, interleaved)`);
  line('V8 code cache', codeCacheState());
  const command = [bin, 'table', 'GELU'];
  let t;
  try {
    t = interleaved(
      {
        base: NODE_E_0,
        table: command,
        version: [bin, '--version'],
        noCache: { args: command, env: { ACTFN_NO_CODE_CACHE: '1' } },
      },
      { runs: RUNS },
    );
  } catch (err) {
    // Report and let the other benchmarks run.
    line('actfn table GELU', `FAILED: ${err.message}`);
    return;
  }
  line('node -e 0', `${t.base.toFixed(1)} ms`);
  line('actfn table GELU', timeAndRatio(t.table, t.base, TARGET));
  line('  for comparison: actfn --version (the CLI alone)', timeAndRatio(t.version, t.base));
  line('  for comparison: without the code cache', timeAndRatio(t.noCache, t.base));

  const log = loaded(command);
  const drawing = [
    ...log.required.filter((m) => /@napi-rs\/canvas|zlib/.test(m)),
    ...log.read.filter((f) => /\.(ttf|otf|ttc)$/.test(f)),
  ];
  line('packages and builtins required by name', log.required.join(', '));
  line('canvas or fonts loaded', drawing.length ? `YES: ${drawing.join(', ')}` : 'no (ok)');
}
