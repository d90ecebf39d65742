/**
 * Conformance and accuracy of every catalog entry against independent reference data
 * (test/fixtures/*.json, written by test/fixtures/generate.py from PyTorch 1.13 float64 and
 * mpmath at ≥ 60 digits; nothing there is derived from src/).
 *
 * The rules (issue 2, "Conformance and accuracy"):
 * - f and f′ within 4 ulp of the exact value at every finite x in [−1000, 1000] (ulp of the exact
 *   value, 2^−1074 for subnormals), tails included.
 * - Near a root of f or f′ (the fixture flags points whose relative condition number |x·g′/g|
 *   exceeds 4 with a root within |x|/2), no formula keeps relative accuracy: there the error may
 *   be up to PyTorch's own, |ours − exact| ≤ max(4 ulp, |torch − exact|).
 * - At a corner or jump, f′ is torch's convention: ours equals torch's value, or is within 4 ulp
 *   of the exact value of the same convention (SELU′(0) = scale·α rounded once instead of twice).
 * - Everywhere, ours is within 4 ulp of torch or strictly closer to the exact value than torch is
 *   (torch is the odd one out in the tails). A value within 4 ulp of the exact one also passes:
 *   two results that both meet the accuracy bound can lie 8 ulp apart on either side of it
 *   (Mish′(−0.17): ours 2.5 ulp above, torch 2.5 ulp below), and neither is wrong.
 * - NaN → NaN; ±∞ → the limit (from mpmath at ±1e10…1e30).
 * - f″ within 4 ulp, as f and f′ (issue 13; the brackets that vanish at f″'s roots are formed in
 *   double-double arithmetic). Near a root of f″ the bound is 4·(1 + cond) ulp: what evaluating at
 *   x(1 + 4u) instead of x would cost.
 * - |x| > 1000 lies outside the accuracy requirement: there ours must be within 4 ulp or no worse
 *   than torch.
 *
 * One vitest test per entry, parameter set and check; a failure lists the worst points with the
 * expected (mpmath) value, ours, the error in ulps and torch's value and error.
 */
import { describe, expect, it } from 'vitest';
import { catalog, findEntry } from '../../src/math/catalog.js';
import type { CatalogEntry, Kink, Params, PointwiseKernel, VectorKernel } from '../../src/math/types.js';
import { show, showUlps, ulpDistance, ulpError, ulpOf, type Exact } from '../support/exact.js';
import { FLAG, loadFixtures, type Point, type PointwiseSet, type VectorCase } from '../support/fixtures.js';

const TOL = 4;
const TOL_D2 = 4;
const MAX_LINES = 12;

const fixtures = loadFixtures();

/** One failed point (or metadata item) for the report; `ulps` orders them, worst first. */
interface Miss {
  readonly ulps: number;
  readonly line: string;
}

function fail(title: string, misses: readonly Miss[], total: number): void {
  if (misses.length === 0) return;
  const sorted = [...misses].sort((a, b) => b.ulps - a.ulps);
  const lines = sorted.slice(0, MAX_LINES).map((m) => `  ${m.line}`);
  if (sorted.length > MAX_LINES) lines.push(`  … and ${sorted.length - MAX_LINES} more`);
  expect.fail(`${title}: ${misses.length} of ${total} checked points fail\n${lines.join('\n')}`);
}

function pointMiss(
  x: number,
  expected: string,
  got: number,
  ulps: number,
  allowed: number,
  torch?: { v: number; ulps: number },
): Miss {
  const t = torch ? `; torch ${show(torch.v)}, ${showUlps(torch.ulps)} ulp` : '';
  return {
    ulps,
    line: `x=${show(x)}: expected ${expected}, got ${show(got)}, error ${showUlps(ulps)} ulp (allowed ${showUlps(allowed)}${t})`,
  };
}

// ---------------------------------------------------------------------------------------------
// Binding fixtures to catalog entries.

function requireCatalogEntry(name: string): CatalogEntry {
  const entry = findEntry(name);
  if (!entry || entry.name !== name) throw new Error(`${name} is not in the catalog (fixtures exist for it)`);
  return entry;
}

function bindParams(entry: CatalogEntry, paramsAll: Readonly<Record<string, number | string>>, given: object): Params {
  const unknown = Object.keys(given).filter((k) => !entry.params.some((d) => d.name === k));
  if (unknown.length)
    throw new Error(
      `${entry.name} has no parameter ${unknown.join(', ')} (valid: ${entry.params.map((d) => d.name).join(', ')})`,
    );
  const out: Record<string, number | string> = {};
  for (const def of entry.params) out[def.name] = paramsAll[def.name] ?? def.default;
  return Object.freeze(out);
}

interface Ours {
  readonly f: Float64Array;
  readonly df: Float64Array;
  readonly d2?: Float64Array;
  readonly kinks: readonly Kink[];
}

const evaluated = new Map<PointwiseSet, Ours>();

/** Our f, f′, f″ at every fixture point of a set (computed once, shared by the set's checks). */
function ours(entryName: string, set: PointwiseSet): Ours {
  const cached = evaluated.get(set);
  if (cached) return cached;
  const entry = requireCatalogEntry(entryName);
  if (entry.kind !== 'pointwise') throw new Error(`${entryName} is not pointwise in the catalog`);
  const params = bindParams(entry, set.paramsAll, set.params);
  const kernel: PointwiseKernel = entry.kernel(params);
  const n = set.points.length;
  const f = new Float64Array(n);
  const df = new Float64Array(n);
  const d2 = kernel.d2 ? new Float64Array(n) : undefined;
  set.points.forEach((p, i) => {
    f[i] = kernel.f(p.x);
    df[i] = kernel.df(p.x);
    if (d2) d2[i] = kernel.d2!(p.x);
  });
  const result: Ours = { f, df, ...(d2 ? { d2 } : {}), kinks: entry.kinks(params) };
  evaluated.set(set, result);
  return result;
}

const finiteInRange = (p: Point) => Number.isFinite(p.x) && !(p.flags & FLAG.beyond);

// ---------------------------------------------------------------------------------------------
// Pointwise checks.

type Which = 'f' | 'df';
const NAME: Record<Which, string> = { f: 'f', df: 'f′' };

function checkAccuracy(set: PointwiseSet, o: Ours, which: Which): void {
  const illBit = which === 'f' ? FLAG.illF : FLAG.illDf;
  const misses: Miss[] = [];
  let total = 0;
  set.points.forEach((p, i) => {
    if (!finiteInRange(p) || (which === 'df' && p.flags & FLAG.kink)) return;
    total++;
    const got = o[which][i]!;
    const err = ulpError(got, p[which]);
    const torchV = which === 'f' ? p.torchF : p.torchDf;
    const torchErr = ulpError(torchV, p[which]);
    const allowed = p.flags & illBit ? Math.max(TOL, torchErr) : TOL;
    if (!(err <= allowed)) misses.push(pointMiss(p.x, p.text[which], got, err, allowed, { v: torchV, ulps: torchErr }));
  });
  fail(`${set.label} ${NAME[which]}`, misses, total);
}

/** A convention holds if ours is torch's value, or within 4 ulp of that convention's exact value. */
function isConvention(got: number, torchDf: number, exact: Exact): boolean {
  return Object.is(got, torchDf) || got === torchDf || ulpError(got, exact) <= TOL;
}

function checkKinks(set: PointwiseSet, o: Ours): void {
  const misses: Miss[] = [];
  let total = 0;
  set.points.forEach((p, i) => {
    if (!(p.flags & FLAG.kink)) return;
    total++;
    const got = o.df[i]!;
    if (!isConvention(got, p.torchDf, p.df)) {
      misses.push({
        ulps: ulpError(got, p.df),
        line: `f′(${show(p.x)}) = ${show(got)}, torch's convention is ${show(p.torchDf)} (exact ${p.text.df})`,
      });
    }
  });
  // The catalog's kinks(): every corner and jump of the reference, with torch's f′ and the one-sided
  // derivatives; nothing listed where the reference has no boundary at all.
  for (const b of set.breakpoints) {
    if (!b.corner && !b.jump) continue;
    total++;
    const k = o.kinks.find((kk) => kk.x === b.x);
    if (!k) {
      misses.push({
        ulps: Infinity,
        line: `kinks() lists no kink at x=${show(b.x)} (a ${b.jump ? 'jump' : 'corner'} of the reference)`,
      });
      continue;
    }
    const problems: string[] = [];
    if (!isConvention(k.dy, b.torchDf!, b.df!)) problems.push(`dy ${show(k.dy)} ≠ torch's ${show(b.torchDf!)}`);
    if (ulpError(k.left, b.dfLeft) > TOL) problems.push(`left ${show(k.left)} ≠ ${show(b.dfLeft.hi)}`);
    if (ulpError(k.right, b.dfRight) > TOL) problems.push(`right ${show(k.right)} ≠ ${show(b.dfRight.hi)}`);
    if (k.jump !== b.jump) problems.push(`jump ${k.jump}, reference ${b.jump}`);
    if (problems.length) misses.push({ ulps: Infinity, line: `kinks() at x=${show(b.x)}: ${problems.join('; ')}` });
  }
  for (const k of o.kinks) {
    total++;
    if (!set.breakpoints.some((b) => b.x === k.x)) {
      misses.push({ ulps: Infinity, line: `kinks() lists x=${show(k.x)}, where the reference is smooth` });
    }
  }
  fail(`${set.label} corners and jumps`, misses, total);
}

function checkTorchAgreement(set: PointwiseSet, o: Ours): void {
  const misses: Miss[] = [];
  let total = 0;
  set.points.forEach((p, i) => {
    for (const which of ['f', 'df'] as const) {
      total++;
      const got = o[which][i]!;
      const torchV = which === 'f' ? p.torchF : p.torchDf;
      const dist = ulpDistance(got, torchV);
      const err = ulpError(got, p[which]);
      const torchErr = ulpError(torchV, p[which]);
      if (dist <= TOL || err < torchErr || err <= TOL) continue;
      misses.push({
        ulps: dist,
        line: `${NAME[which]}(${show(p.x)}): ours ${show(got)} is ${showUlps(dist)} ulp from torch ${show(torchV)} and not closer to ${p.text[which]} (ours ${showUlps(err)} ulp, torch ${showUlps(torchErr)} ulp)`,
      });
    }
  });
  fail(`${set.label} vs torch`, misses, total);
}

function checkNonFinite(set: PointwiseSet, o: Ours): void {
  const misses: Miss[] = [];
  let total = 0;
  set.points.forEach((p, i) => {
    if (Number.isFinite(p.x)) return;
    const cols: ['f' | 'df' | 'd2', Float64Array | undefined][] = [
      ['f', o.f],
      ['df', o.df],
      ['d2', o.d2],
    ];
    for (const [which, arr] of cols) {
      if (!arr) continue;
      total++;
      const got = arr[i]!;
      const err = ulpError(got, p[which]);
      if (!(err <= TOL)) {
        misses.push({
          ulps: err,
          line: `${which === 'd2' ? 'f″' : NAME[which]}(${show(p.x)}) = ${show(got)}, expected ${p.text[which]}`,
        });
      }
    }
  });
  fail(`${set.label} non-finite input`, misses, total);
}

function checkD2(set: PointwiseSet, o: Ours): void {
  if (!o.d2) expect.fail(`${set.label}: kernel(p) has no d2 (f″), which every entry should provide`);
  const misses: Miss[] = [];
  let total = 0;
  set.points.forEach((p, i) => {
    if (!finiteInRange(p) || p.flags & FLAG.break) return;
    total++;
    const got = o.d2![i]!;
    const err = ulpError(got, p.d2);
    const allowed = p.flags & FLAG.illD2 ? TOL_D2 * (1 + p.condD2) : TOL_D2;
    if (!(err <= allowed)) misses.push(pointMiss(p.x, p.text.d2, got, err, allowed));
  });
  fail(`${set.label} f″`, misses, total);
}

function checkBeyond(set: PointwiseSet, o: Ours): void {
  const misses: Miss[] = [];
  let total = 0;
  set.points.forEach((p, i) => {
    if (!(p.flags & FLAG.beyond)) return;
    for (const which of ['f', 'df'] as const) {
      total++;
      const got = o[which][i]!;
      const torchV = which === 'f' ? p.torchF : p.torchDf;
      const err = ulpError(got, p[which]);
      const torchErr = ulpError(torchV, p[which]);
      const allowed = Math.max(TOL, torchErr);
      if (!(err <= allowed))
        misses.push(
          pointMiss(p.x, `${NAME[which]} = ${p.text[which]}`, got, err, allowed, { v: torchV, ulps: torchErr }),
        );
    }
  });
  fail(`${set.label} |x| > 1000`, misses, total);
}

// ---------------------------------------------------------------------------------------------
// Vector checks (Softmax, LogSoftmax, Softmin, Sparsemax).

interface VectorResult {
  readonly y: Float64Array;
  readonly dy: Float64Array;
}

function vectorKernel(name: string): VectorKernel {
  const entry = requireCatalogEntry(name);
  if (entry.kind !== 'vector') throw new Error(`${name} is not a vector function in the catalog`);
  return entry.kernel(bindParams(entry, {}, {}));
}

const vectorResults = new Map<VectorCase, VectorResult>();

function runVector(name: string, c: VectorCase): VectorResult {
  const cached = vectorResults.get(c);
  if (cached) return cached;
  const y = new Float64Array(c.x.length);
  const dy = new Float64Array(c.x.length);
  vectorKernel(name).apply(c.x, y, dy);
  const r = { y, dy };
  vectorResults.set(c, r);
  return r;
}

const hasNonFinite = (c: VectorCase) => c.x.some((v) => !Number.isFinite(v));

/** Misses of one reading (expected values) of a case; Sparsemax's cancellation gets an absolute bound. */
function vectorMisses(
  c: VectorCase,
  got: Float64Array,
  expected: readonly Exact[],
  text: readonly string[],
  what: string,
  illBit: number,
): Miss[] {
  const misses: Miss[] = [];
  got.forEach((g, i) => {
    const err = ulpError(g, expected[i]!);
    let allowed = TOL;
    if (c.flags[i]! & illBit && c.tau) {
      // |err| ≤ 4 ulp of |xᵢ| + |τ|, expressed in ulps of the exact value.
      const scale = ulpOf({ hi: Math.abs(c.x[i]!) + Math.abs(c.tau.hi), lo: 0 });
      allowed = (TOL * scale) / ulpOf(expected[i]!);
    }
    if (!(err <= allowed)) misses.push(pointMiss(c.x[i]!, `${what} ${text[i]}`, g, err, allowed));
  });
  return misses.map((m) => ({ ulps: m.ulps, line: `[${c.name}] component ${m.line}` }));
}

function checkVectorValues(name: string, which: 'y' | 'diag', nonFinite: boolean): void {
  const misses: Miss[] = [];
  let total = 0;
  const cases = fixtureOf(name).filter((c) => hasNonFinite(c) === nonFinite);
  for (const c of cases) {
    const r = runVector(name, c);
    const got = which === 'y' ? r.y : r.dy;
    total += got.length;
    const bit = which === 'y' ? FLAG.illF : FLAG.illDf;
    const main = vectorMisses(c, got, which === 'y' ? c.y : c.diag, which === 'y' ? c.yText : c.diagText, which, bit);
    if (main.length === 0) continue;
    // Sparsemax at a knife-edge support: the other reading of the support is exact too, but the
    // whole vector must follow one reading.
    if (c.yAlt && c.diagAlt) {
      const alt = which === 'y' ? c.yAlt : c.diagAlt;
      const altMisses = vectorMisses(
        c,
        got,
        alt,
        alt.map((e) => show(e.hi)),
        `${which} (other support)`,
        bit,
      );
      if (altMisses.length === 0) continue;
    }
    misses.push(...main);
  }
  fail(
    `${name} ${which === 'y' ? 'y' : 'Jacobian diagonal'}${nonFinite ? ' (non-finite components)' : ''}`,
    misses,
    total,
  );
}

function checkVectorTorch(name: string): void {
  const misses: Miss[] = [];
  let total = 0;
  for (const c of fixtureOf(name)) {
    const r = runVector(name, c);
    for (const [got, torch, exact, label] of [
      [r.y, c.torchY!, c.y, 'y'],
      [r.dy, c.torchDiag!, c.diag, 'diag'],
    ] as const) {
      got.forEach((g, i) => {
        total++;
        const dist = ulpDistance(g, torch[i]!);
        const err = ulpError(g, exact[i]!);
        const torchErr = ulpError(torch[i]!, exact[i]!);
        if (dist <= TOL || err < torchErr || err <= TOL) return;
        misses.push({
          ulps: dist,
          line: `[${c.name}] ${label}[${i}] (x=${show(c.x[i]!)}): ours ${show(g)} is ${showUlps(dist)} ulp from torch ${show(torch[i]!)} and not closer to the exact value (ours ${showUlps(err)} ulp, torch ${showUlps(torchErr)} ulp)`,
        });
      });
    }
  }
  fail(`${name} vs torch`, misses, total);
}

function checkJacobian(name: string): void {
  const misses: Miss[] = [];
  let total = 0;
  for (const c of fixtureOf(name).filter((cc) => cc.jacobian)) {
    const J = vectorKernel(name).jacobian(c.x);
    c.jacobian!.forEach((row, i) =>
      row.forEach((exact, j) => {
        total++;
        const g = J[i]?.[j] ?? NaN;
        const err = ulpError(g, exact);
        const torchV = c.torchJacobian?.[i]?.[j];
        const closeToTorch = torchV === undefined || ulpDistance(g, torchV) <= TOL || err < ulpError(torchV, exact);
        if (err <= TOL && closeToTorch) return;
        misses.push({
          ulps: err,
          line: `[${c.name}] J[${i}][${j}]: expected ${show(exact.hi)}, got ${show(g)}, ${showUlps(err)} ulp${torchV === undefined ? '' : `; torch ${show(torchV)}`}`,
        });
      }),
    );
  }
  fail(`${name} jacobian()`, misses, total);
}

const vectorFixtures = new Map<string, readonly VectorCase[]>();
function fixtureOf(name: string): readonly VectorCase[] {
  return vectorFixtures.get(name)!;
}

// ---------------------------------------------------------------------------------------------
// The tests.

describe('fixture completeness', () => {
  const names = new Set(fixtures.map((f) => f.entry));
  it('every catalog entry has reference fixtures', () => {
    expect(catalog.map((e) => e.name).filter((n) => !names.has(n))).toEqual([]);
  });
  it('every fixture names a catalog entry by its canonical name', () => {
    expect(fixtures.map((f) => f.entry).filter((n) => findEntry(n)?.name !== n)).toEqual([]);
  });
  it('every pointwise parameter set has ≥ 200 points, ±0, NaN and ±∞', () => {
    for (const fx of fixtures) {
      if (fx.kind !== 'pointwise') continue;
      for (const set of fx.sets) {
        const xs = set.points.map((p) => p.x);
        expect(xs.length, set.label).toBeGreaterThanOrEqual(200);
        for (const v of [0, -0, NaN, Infinity, -Infinity])
          expect(
            xs.some((x) => Object.is(x, v)),
            `${set.label} has ${v}`,
          ).toBe(true);
      }
    }
  });
});

for (const fx of fixtures) {
  describe(fx.entry, () => {
    it('parameters and defaults match the reference', () => {
      const entry = requireCatalogEntry(fx.entry);
      const reference = fx.kind === 'pointwise' ? fx.sets[0]!.paramsAll : {};
      const problems: string[] = [];
      for (const [k, v] of Object.entries(reference)) {
        const def = entry.params.find((d) => d.name === k);
        if (!def) problems.push(`no parameter ${k}`);
        else if (!Object.is(def.default, v) && def.default !== v)
          problems.push(`${k} defaults to ${def.default}, torch to ${v}`);
      }
      expect(problems).toEqual([]);
    });

    if (fx.kind === 'pointwise') {
      for (const set of fx.sets) {
        it(`${set.label}: f within 4 ulp of mpmath`, () => checkAccuracy(set, ours(fx.entry, set), 'f'));
        it(`${set.label}: f′ within 4 ulp of mpmath`, () => checkAccuracy(set, ours(fx.entry, set), 'df'));
        it(`${set.label}: corners and jumps follow torch (f′ and kinks())`, () => checkKinks(set, ours(fx.entry, set)));
        it(`${set.label}: within 4 ulp of torch or closer to mpmath`, () =>
          checkTorchAgreement(set, ours(fx.entry, set)));
        it(`${set.label}: NaN → NaN, ±∞ → the limit`, () => checkNonFinite(set, ours(fx.entry, set)));
        it(`${set.label}: f″ within 4 ulp of mpmath`, () => checkD2(set, ours(fx.entry, set)));
        it(`${set.label}: |x| > 1000 no worse than torch`, () => checkBeyond(set, ours(fx.entry, set)));
      }
    } else {
      vectorFixtures.set(fx.entry, fx.cases);
      const hasTorch = fx.cases.every((c) => c.torchY);
      it('y within 4 ulp of mpmath', () => checkVectorValues(fx.entry, 'y', false));
      it('Jacobian diagonal within 4 ulp of mpmath', () => checkVectorValues(fx.entry, 'diag', false));
      it('±∞ components → the limit, NaN → NaN (y)', () => checkVectorValues(fx.entry, 'y', true));
      it('±∞ components → the limit, NaN → NaN (Jacobian diagonal)', () => checkVectorValues(fx.entry, 'diag', true));
      if (hasTorch) it('within 4 ulp of torch or closer to mpmath', () => checkVectorTorch(fx.entry));
      it('jacobian() matches mpmath (and torch) on a small vector', () => checkJacobian(fx.entry));
    }
  });
}
