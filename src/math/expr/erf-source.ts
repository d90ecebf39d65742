/** The one place expressions get erf and erfc from: the fdlibm port shared with the catalog's GELU. */
export { erf, erfc } from '../numerics/erf.js';
