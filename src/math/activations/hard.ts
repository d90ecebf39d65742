/** Hard-edged piecewise functions: Hardsigmoid, Hardswish, Softshrink, Hardshrink, SparsePlus, SparseSigmoid. */
import type { CatalogEntry } from '../types.js';

export const hardEntries: readonly CatalogEntry[] = [];
