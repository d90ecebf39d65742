/** The exponential-linear family: ELU, SELU, CELU. */
import type { CatalogEntry } from '../types.js';

export const exponentialEntries: readonly CatalogEntry[] = [];
