/** The full Jacobian ∂yᵢ/∂xⱼ of a function over a set of points (library API). */
import { checkPoints, checkSpec, MAX_JACOBIAN_POINTS } from './arguments.js';
import { resolveSpec } from './resolve.js';

/**
 * Rows ∂yᵢ/∂x for `spec` at `x`. Vector functions (Softmax, acting on the whole vector as
 * torch.nn.Softmax(dim=0)) give their dense Jacobian; pointwise functions a diagonal one, f′(xᵢ)
 * on the diagonal.
 */
export function jacobian(spec: string, x: ArrayLike<number>): Float64Array[] {
  // n² doubles: the point count is bounded before anything is computed.
  const xs = checkPoints(x, 'x', MAX_JACOBIAN_POINTS);
  const fn = resolveSpec(checkSpec(spec));
  if (fn.vector) return fn.vector.jacobian(xs);
  const { dy } = fn.evaluate(xs);
  return Array.from(dy, (d, i) => {
    const row = new Float64Array(xs.length);
    row[i] = d;
    return row;
  });
}
