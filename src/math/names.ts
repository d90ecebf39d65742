/** Name lookup that forgives case, `_` and `-`, and suggests the closest names when it fails. */

/** `Leaky_ReLU`, `leaky-relu` and `leakyrelu` all normalize to `leakyrelu`. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

/**
 * The candidates closest to `query` (after normalizing), best first: those within a distance that
 * grows with the length of the query, or that start with it. Ties keep the candidates' order (the
 * catalog's: its common functions first, so GELLU suggests GELU before GeGLU).
 */
export function closestNames(query: string, candidates: readonly string[], limit = 3): string[] {
  const q = normalizeName(query);
  const scored = candidates
    .map((c, i) => {
      const n = normalizeName(c);
      const d = n.startsWith(q) && q.length >= 2 ? 0.5 : editDistance(q, n);
      return { c, d, i };
    })
    .filter(({ d }) => d <= Math.max(2, Math.floor(q.length / 3)))
    .sort((a, b) => a.d - b.d || a.i - b.i);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const { c } of scored) {
    if (!seen.has(c) && out.length < limit) {
      seen.add(c);
      out.push(c);
    }
  }
  return out;
}
