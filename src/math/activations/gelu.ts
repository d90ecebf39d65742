/** GELU in its exact (erf), tanh and sigmoid forms. */
import type { CatalogEntry } from '../types.js';

export const geluEntries: readonly CatalogEntry[] = [];
