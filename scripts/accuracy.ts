/**
 * `npm run accuracy`: the worst error, in ulp of the exact value, of every catalog entry's f, f′ and
 * f″ over its reference points (test/fixtures, mpmath at ≥ 60 digits), as the conformance tests
 * count them: finite x in [−1000, 1000], f′ not at kinks, f″ not at piecewise boundaries, and the
 * points near a root of the quantity (flagged ill-conditioned by the fixture script) left out.
 * For reading; the bounds themselves are enforced by test/math/conformance.test.ts.
 */
import { findEntry } from '../src/math/catalog.js';
import { ulpError } from '../test/support/exact.js';
import { FLAG, loadFixtures } from '../test/support/fixtures.js';

type Q = 'f' | 'df' | 'd2';
const ILL: Record<Q, number> = { f: FLAG.illF, df: FLAG.illDf, d2: FLAG.illD2 };
const rows: { name: string; sets: number; points: number; worst: Record<Q, number> }[] = [];
for (const fixture of loadFixtures()) {
  if (fixture.kind !== 'pointwise') continue;
  const entry = findEntry(fixture.entry)!;
  const worst: Record<Q, number> = { f: 0, df: 0, d2: 0 };
  let points = 0;
  for (const set of fixture.sets) {
    const params: Record<string, number | string> = {};
    for (const d of entry.params) params[d.name] = set.paramsAll[d.name] ?? d.default;
    const k = entry.kind === 'pointwise' ? entry.kernel(params) : undefined;
    if (!k) continue;
    for (const p of set.points) {
      if (!Number.isFinite(p.x) || p.flags & FLAG.beyond) continue;
      points++;
      const got: Record<Q, number> = { f: k.f(p.x), df: k.df(p.x), d2: k.d2 ? k.d2(p.x) : NaN };
      for (const q of ['f', 'df', 'd2'] as const) {
        if (p.flags & ILL[q]) continue;
        if (q === 'df' && p.flags & FLAG.kink) continue;
        if (q === 'd2' && (p.flags & (FLAG.break | FLAG.kink) || !k.d2)) continue;
        const e = ulpError(got[q], p[q]);
        if (e > worst[q]) worst[q] = e;
      }
    }
  }
  rows.push({ name: fixture.entry, sets: fixture.sets.length, points, worst });
}
const fmt = (v: number) => (v === 0 ? '0' : v < 0.01 ? v.toExponential(0) : v.toFixed(2));
console.log(`${'entry'.padEnd(18)} ${'sets'.padStart(4)} ${'points'.padStart(7)}   max ulp: f      f′      f″`);
for (const r of rows) {
  console.log(
    `${r.name.padEnd(18)} ${String(r.sets).padStart(4)} ${String(r.points).padStart(7)}            ${fmt(r.worst.f).padEnd(6)} ${fmt(r.worst.df).padEnd(6)} ${fmt(r.worst.d2)}`,
  );
}
const all = (q: Q) => Math.max(...rows.map((r) => r.worst[q]));
console.log(
  `\n${rows.length} pointwise entries, ${rows.reduce((s, r) => s + r.points, 0)} points: worst f ${fmt(all('f'))}, f′ ${fmt(all('df'))}, f″ ${fmt(all('d2'))} ulp`,
);
