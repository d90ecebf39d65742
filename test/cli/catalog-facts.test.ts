/**
 * The built CLI carries every catalog entry's computed properties and list traits
 * (src/commands/catalog-facts.ts) so that `info` and `list --smooth` need not compute them. They
 * must be what a live computation gives: each check runs the real bin twice, with the bundle's
 * facts and with ACTFN_NO_CATALOG_FACTS=1, and compares the output byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/math/catalog.js';
import { BIN, REPO } from '../support/paths.js';

function run(args: readonly string[], live: boolean): string {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  if (live) env.ACTFN_NO_CATALOG_FACTS = '1';
  else delete env.ACTFN_NO_CATALOG_FACTS;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe('the bundle’s catalog facts', () => {
  it('give every entry the properties a live computation gives (info --json, all entries)', () => {
    const names = catalog.map((e) => e.name);
    const bundled = run(['info', ...names, '--json'], false);
    expect(JSON.parse(bundled)).toHaveLength(names.length);
    expect(bundled).toBe(run(['info', ...names, '--json'], true));
  });

  it.each(['--smooth', '--monotonic', '--bounded', '--zero-centered', '--self-gated'])(
    'select what a live computation selects: list %s',
    (flag) => {
      const bundled = run(['list', flag, '--json'], false);
      expect(JSON.parse(bundled).length).toBeGreaterThan(0);
      expect(bundled).toBe(run(['list', flag, '--json'], true));
    },
  );

  it('are not used for other parameters: info ELU(alpha=2) differs from ELU', () => {
    const [elu] = JSON.parse(run(['info', 'ELU', '--json'], false));
    const [elu2] = JSON.parse(run(['info', 'ELU(alpha=2)', '--json'], false));
    expect(elu.properties.range.lo.value).toBe(-1);
    expect(elu2.properties.range.lo.value).toBe(-2);
  });
});
