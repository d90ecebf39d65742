/** Softplus and functions built on it or on similar smooth ramps: Softplus, LogSigmoid, Mish, Squareplus, Softsign, Tanhshrink. */
import type { CatalogEntry } from '../types.js';

export const softplusEntries: readonly CatalogEntry[] = [];
