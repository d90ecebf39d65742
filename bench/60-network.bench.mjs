// `actfn stats --all`, a 50-layer `actfn propagate` of four functions (targets: under a second,
// whole process) and `--monte-carlo --width 512 --depth 50` of one function (target: a few
// seconds, 3 s here). Whole process, median of a few runs. The verdict is on CPU time (user +
// system, one thread): this machine is shared, and under load wall times swing several-fold.
import { spawnSync } from 'node:child_process';
import { bin, line, median, root, section, verdict } from './lib.mjs';

const RUNS = 5;

/** One run under /usr/bin/time: wall and CPU (user + system) time in ms. */
function run(args) {
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %U %S', process.execPath, bin, ...args], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const last = r.stderr.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !last.startsWith('TIME '))
    throw new Error(`actfn ${args.join(' ')} exited ${r.status}: ${r.stderr.trim()}`);
  const [e, u, s] = last.slice(5).split(' ').map(Number);
  return { wall: e * 1000, cpu: (u + s) * 1000 };
}

/** Median wall time and median CPU time in ms, after one unmeasured run. */
function measure(args, runs) {
  run(args);
  const rs = Array.from({ length: runs }, () => run(args));
  return { wall: median(rs.map((r) => r.wall)), cpu: median(rs.map((r) => r.cpu)) };
}

/** Four functions through 50 layers, as in the README. */
const PROPAGATE = [
  'propagate',
  'Sigmoid',
  'Tanh',
  'ReLU',
  'GELU',
  '--depth',
  '50',
  '--sigma-w',
  '1.4',
  '--sigma-b',
  '0.1',
];

export default async function () {
  section(`network commands: whole process (median of ${RUNS})`);
  const cases = [
    ['actfn stats --all --json', ['stats', '--all', '--json'], 1000],
    ['actfn propagate Sigmoid Tanh ReLU GELU --depth 50 --json', [...PROPAGATE, '--json'], 1000],
    ['  the same, drawing a PNG', [...PROPAGATE, '-o', '/dev/null', '--format', 'png', '-q'], undefined],
    [
      'actfn edge-of-chaos Tanh GELU SELU ReLU --json',
      ['edge-of-chaos', 'Tanh', 'GELU', 'SELU', 'ReLU', '--json'],
      undefined,
    ],
    [
      'actfn propagate Tanh --monte-carlo --width 512 --depth 50',
      ['propagate', 'Tanh', '--sigma-w', '1.4', '--monte-carlo', '--width', '512', '--depth', '50', '--json'],
      3000,
    ],
  ];
  for (const [label, args, target] of cases) {
    try {
      const { wall, cpu } = measure(args, target === 3000 ? 3 : RUNS);
      const v = target === undefined ? '' : `  CPU ${verdict(Math.round(cpu), target)}`;
      line(label, `${cpu.toFixed(0)} ms CPU, ${wall.toFixed(0)} ms wall${v}`);
    } catch (err) {
      line(label, `FAILED: ${err.message}`);
    }
  }
}
