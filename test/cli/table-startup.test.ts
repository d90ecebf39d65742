/**
 * Start-up stays lean: what `table`, `list` and `info` load, read from the import graph of the
 * sources (static imports, dynamic import() and createRequire calls). The wall time itself is
 * measured in bench/30-table.bench.mjs.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SRC } from '../support/paths.js';

interface Imports {
  readonly static: string[];
  readonly dynamic: string[];
}

function importsOf(file: string): Imports {
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  const resolveSpecifier = (s: string) => (s.startsWith('.') ? resolve(dirname(file), s.replace(/\.js$/, '.ts')) : s);
  const statics = [...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)].map(
    (m) => m[1]!,
  );
  const required = [...text.matchAll(/createRequire\([^)]*\)\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
  const dynamic = [...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
  return { static: [...statics, ...required].map(resolveSpecifier), dynamic: dynamic.map(resolveSpecifier) };
}

/** Modules loaded when `entry` is imported (static only) or ever (with dynamic imports too). */
function closure(entry: string, withDynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const stack = [resolve(SRC, entry)];
  while (stack.length) {
    const m = stack.pop()!;
    if (seen.has(m)) continue;
    seen.add(m);
    if (!m.startsWith('/')) continue; // a package or node: builtin
    const { static: s, dynamic: d } = importsOf(m);
    stack.push(...s, ...(withDynamic ? d : []));
  }
  return seen;
}

const rel = (set: Set<string>) => [...set].map((m) => (m.startsWith(SRC) ? m.slice(SRC.length + 1) : m));
const DRAWING = /@napi-rs\/canvas|paint\/(fonts\/|raster\/|canvas\/)/;

describe('lean start-up', () => {
  it('table loads neither canvas nor fonts, and chalk only when coloring', () => {
    const loaded = rel(closure('commands/table.ts', false));
    expect(loaded.filter((m) => DRAWING.test(m))).toEqual([]);
    expect(loaded).not.toContain('chalk');
    const ever = rel(closure('commands/table.ts', true));
    expect(ever.filter((m) => DRAWING.test(m))).toEqual([]);
    expect(ever).toContain('chalk');
  });
  for (const command of ['list', 'info']) {
    it(`${command} never loads canvas or fonts`, () => {
      const ever = rel(closure(`commands/${command}.ts`, true));
      expect(ever.filter((m) => DRAWING.test(m))).toEqual([]);
    });
  }
  it('terminal charts (plot --terminal, compare --terminal) load neither canvas nor fonts', () => {
    const loaded = [
      ...rel(closure('commands/plot-terminal.ts', false)),
      ...rel(closure('paint/terminal/index.ts', true)),
    ];
    expect(loaded.filter((m) => DRAWING.test(m))).toEqual([]);
  });
  it('the CLI entry loads no command until it runs', () => {
    const loaded = rel(closure('cli.ts', false));
    expect(loaded.filter((m) => m.startsWith('commands/') && m !== 'commands/io.ts')).toEqual([]);
    expect(loaded.filter((m) => /^(math|chart|paint|report)\//.test(m))).toEqual([]);
  });
});
