// `actfn table GELU`, whole process, against `node -e 0` measured in the same run (target ≤ 1.3×).
// The two are interleaved run by run, so that the load of this shared machine hits both alike.
// Also lists what the command loads: it must not load the canvas or fonts (nor chalk when
// stdout is not a terminal).
import { spawnSync } from 'node:child_process';
import { bin, line, median, root, section, verdict, wallTimeOnceMs as once } from './lib.mjs';

const RUNS = 21;
const TARGET = 1.3;

// A module hook that reports every module loaded through the ESM loader (which also sees the
// CommonJS packages imported from ESM; not what those require internally).
const LOAD_LOG =
  'data:text/javascript,' +
  encodeURIComponent(
    `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent('export async function load(url, context, next) { process.stderr.write("ACTFN_LOADED " + url + "\\\\n"); return next(url, context); }'));`,
  );

function loadedModules(args) {
  const r = spawnSync(process.execPath, ['--import', LOAD_LOG, ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  return r.stderr
    .split('\n')
    .filter((l) => l.startsWith('ACTFN_LOADED '))
    .map((l) => l.slice('ACTFN_LOADED '.length).replace(/^.*\/node_modules\//, '').replace(/^file:\/\/.*?\/(dist|bin)\//, '$1/'));
}

export default async function () {
  section(`actfn table GELU: whole process vs node -e 0 (median of ${RUNS}, interleaved)`);
  const command = [bin, 'table', 'GELU'];
  once(['-e', '0']);
  try {
    once(command);
  } catch (err) {
    // Report and let the other benchmarks run.
    line('actfn table GELU', `FAILED: ${err.message}`);
    return;
  }
  const base = [];
  const table = [];
  const version = [];
  for (let i = 0; i < RUNS; i++) {
    base.push(once(['-e', '0']));
    table.push(once(command));
    version.push(once([bin, '--version']));
  }
  const b = median(base);
  const t = median(table);
  const v = median(version);
  line('node -e 0', `${b.toFixed(1)} ms`);
  line('actfn --version (the CLI alone, for reference)', `${v.toFixed(1)} ms  ${(v / b).toFixed(2)}×`);
  line('actfn table GELU', `${t.toFixed(1)} ms  ${(t / b).toFixed(2)}×  ${verdict(t / b, TARGET)}`);

  const loaded = loadedModules(command);
  const drawing = loaded.filter((m) => /@napi-rs\/canvas|render\/(font|truetype|raster|canvas)/.test(m));
  const ours = loaded.filter((m) => m.startsWith('dist/')).length;
  const packages = [...new Set(loaded.filter((m) => !m.startsWith('dist/') && !m.startsWith('bin/') && !m.startsWith('node:')).map((m) => m.split('/')[0]))];
  line('modules loaded (ESM loader): ours / packages', `${ours} / ${packages.join(', ') || 'none'}`);
  line('canvas or fonts loaded', drawing.length ? `YES: ${drawing.join(', ')}` : 'no (ok)');
}
