/**
 * Golden-section search for the minimum of g on (a, b), g unimodal there: the interval shrinks by
 * the golden ratio per evaluation until it is `tolerance` wide relative to its ends (at least 1)
 * or `iterations` run out. Ties keep the left point. Used for the extrema of properties.ts and
 * the refined maxima of diff (on −g).
 */
export function goldenMin(
  g: (x: number) => number,
  a: number,
  b: number,
  tolerance: number,
  iterations: number,
): { x: number; y: number } {
  const r = (Math.sqrt(5) - 1) / 2;
  let c = b - r * (b - a);
  let d = a + r * (b - a);
  let gc = g(c);
  let gd = g(d);
  for (let i = 0; i < iterations && b - a > tolerance * Math.max(1, Math.abs(a), Math.abs(b)); i++) {
    if (gc <= gd) {
      b = d;
      d = c;
      gd = gc;
      c = b - r * (b - a);
      gc = g(c);
    } else {
      a = c;
      c = d;
      gc = gd;
      d = a + r * (b - a);
      gd = g(d);
    }
  }
  return gc <= gd ? { x: c, y: gc } : { x: d, y: gd };
}
