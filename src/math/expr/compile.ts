/**
 * Compiles a bound expression into closures, once per expression: forward-mode automatic
 * differentiation on truncated Taylor series. Each node's closure returns its value and writes its
 * first (and, at order 2, second) derivative with respect to x into its own slot of a scratch array
 * allocated at compile time, so evaluating a point allocates nothing. Order 0 computes values only.
 *
 * Conventions (checked against torch 1.13): max/min return a at a tie and split the derivative
 * evenly, (a′ + b′)/2, as torch.maximum's backward does; where() takes the value and derivative of
 * the branch chosen (only that branch is evaluated, so where(x > 0, sqrt(x), 0) has derivative 0
 * for x < 0 where torch's backward gives NaN); x^n has derivative 0 for n = 0, and the exponent's
 * partial derivative a^b·ln a is taken as 0 where a = 0 and b ≥ 0, as torch.pow's backward does.
 */
import { compare, countNodes, type Condition, type Expr } from './ir.js';

export type Order = 0 | 1 | 2;
type Run = (x: number) => number;

/** A compiled expression: `run(x)` returns f(x) and leaves f′(x) in d1[slot], f″(x) in d2[slot]. */
export interface Program {
  readonly run: Run;
  readonly d1: Float64Array;
  readonly d2: Float64Array;
  readonly slot: number;
}

interface Compiled {
  readonly run: Run;
  readonly slot: number;
  /** Set for constants, so that parents can fold them into their own closure. */
  readonly value?: number;
}

/** Slot 0 holds the derivatives of every constant (0), slot 1 those of x (1, 0). */
const CONST_SLOT = 0;
const X_SLOT = 1;
/** Marks a tie in max/min (not a slot). */
const TIE = -2;

const maxValue = (a: number, b: number): number => (a !== a || b !== b ? NaN : a < b ? b : a);
const minValue = (a: number, b: number): number => (a !== a || b !== b ? NaN : b < a ? b : a);

/** ∂(a^b)/∂a = b·a^(b−1), 0 when b = 0 (torch masks it so that 0^0 has derivative 0). */
const powDa = (a: number, b: number): number => (b === 0 ? 0 : b * Math.pow(a, b - 1));
/** ∂²(a^b)/∂a² = b(b−1)·a^(b−2), 0 when that factor is 0. */
const powDaa = (a: number, b: number): number => (b * (b - 1) === 0 ? 0 : b * (b - 1) * Math.pow(a, b - 2));
/** ln a for ∂(a^b)/∂b = a^b·ln a, with torch's mask: 0 where a = 0 and b ≥ 0. */
const powLog = (a: number, b: number): number => (a === 0 && b >= 0 ? 0 : Math.log(a));

class Compiler {
  private nextSlot = X_SLOT + 1;

  constructor(
    private readonly order: Order,
    private readonly d1: Float64Array,
    private readonly d2: Float64Array,
  ) {}

  node(e: Expr): Compiled {
    switch (e.op) {
      case 'const': {
        const c = e.value;
        return { run: () => c, slot: CONST_SLOT, value: c };
      }
      case 'x':
        return { run: (x) => x, slot: X_SLOT };
      case 'neg':
        return this.neg(this.node(e.arg));
      case 'sum':
        return this.sum([this.node(e.first), ...e.rest.map((r) => this.node(r.term))], [false, ...e.rest.map((r) => r.negative)]);
      case 'product':
        return this.product([this.node(e.first), ...e.rest.map((r) => this.node(r.factor))], [false, ...e.rest.map((r) => r.divide)]);
      case 'pow':
        return this.pow(this.node(e.base), this.node(e.exponent));
      case 'call':
        return this.call(e.rule.f, e.rule.df, e.rule.d2, this.node(e.arg));
      case 'max':
      case 'min':
        return this.extremum(e.op, this.node(e.a), this.node(e.b));
      case 'where':
        return this.where(e.cond, this.node(e.then), this.node(e.otherwise));
    }
  }

  private slot(): number {
    return this.nextSlot++;
  }

  private neg(a: Compiled): Compiled {
    const { d1, d2 } = this;
    const ra = a.run;
    const sa = a.slot;
    const s = this.slot();
    if (this.order === 0) return { run: (x) => -ra(x), slot: s };
    if (this.order === 1) {
      return { run: (x) => { const v = ra(x); d1[s] = -d1[sa]!; return -v; }, slot: s };
    }
    return { run: (x) => { const v = ra(x); d1[s] = -d1[sa]!; d2[s] = -d2[sa]!; return -v; }, slot: s };
  }

  private sum(terms: Compiled[], negative: boolean[]): Compiled {
    const { d1, d2 } = this;
    const s = this.slot();
    const runs = terms.map((t) => t.run);
    const slots = terms.map((t) => t.slot);
    const n = terms.length;
    const order = this.order;
    if (n === 2) {
      const [ra, rb] = runs as [Run, Run];
      const [sa, sb] = slots as [number, number];
      if (order === 0) return { run: negative[1] ? (x) => ra(x) - rb(x) : (x) => ra(x) + rb(x), slot: s };
      if (order === 1) {
        return negative[1]
          ? { run: (x) => { const a = ra(x); const b = rb(x); d1[s] = d1[sa]! - d1[sb]!; return a - b; }, slot: s }
          : { run: (x) => { const a = ra(x); const b = rb(x); d1[s] = d1[sa]! + d1[sb]!; return a + b; }, slot: s };
      }
    }
    return {
      run: (x) => {
        let v = runs[0]!(x);
        for (let i = 1; i < n; i++) {
          const t = runs[i]!(x);
          v = negative[i] ? v - t : v + t;
        }
        if (order >= 1) {
          let d = d1[slots[0]!]!;
          for (let i = 1; i < n; i++) d = negative[i] ? d - d1[slots[i]!]! : d + d1[slots[i]!]!;
          d1[s] = d;
        }
        if (order === 2) {
          let dd = d2[slots[0]!]!;
          for (let i = 1; i < n; i++) dd = negative[i] ? dd - d2[slots[i]!]! : dd + d2[slots[i]!]!;
          d2[s] = dd;
        }
        return v;
      },
      slot: s,
    };
  }

  private product(factors: Compiled[], divide: boolean[]): Compiled {
    if (factors.length === 2) {
      const [a, b] = factors as [Compiled, Compiled];
      if (a.value !== undefined && !divide[1]) return this.scale(b, a.value);
      if (b.value !== undefined) return divide[1] ? this.divideBy(a, b.value) : this.scale(a, b.value);
    }
    const { d1, d2 } = this;
    const order = this.order;
    const s = this.slot();
    const runs = factors.map((t) => t.run);
    const slots = factors.map((t) => t.slot);
    const n = factors.length;
    if (n === 2 && order < 2) {
      // The common a·b and a/b, without the loop.
      const [ra, rb] = runs as [Run, Run];
      const [sa, sb] = slots as [number, number];
      if (order === 0) return { run: divide[1] ? (x) => ra(x) / rb(x) : (x) => ra(x) * rb(x), slot: s };
      if (!divide[1]) return { run: (x) => { const a = ra(x); const b = rb(x); d1[s] = d1[sa]! * b + a * d1[sb]!; return a * b; }, slot: s };
      return { run: (x) => { const a = ra(x); const b = rb(x); const q = a / b; d1[s] = (d1[sa]! - q * d1[sb]!) / b; return q; }, slot: s };
    }
    if (order === 0) {
      return {
        run: (x) => {
          let v = runs[0]!(x);
          for (let i = 1; i < n; i++) v = divide[i] ? v / runs[i]!(x) : v * runs[i]!(x);
          return v;
        },
        slot: s,
      };
    }
    return {
      run: (x) => {
        let v = runs[0]!(x);
        let d = d1[slots[0]!]!;
        let dd = d2[slots[0]!]!;
        for (let i = 1; i < n; i++) {
          const t = runs[i]!(x);
          const dt = d1[slots[i]!]!;
          if (divide[i]) {
            const q = v / t;
            const dq = (d - q * dt) / t;
            if (order === 2) dd = (dd - 2 * dq * dt - q * d2[slots[i]!]!) / t;
            d = dq;
            v = q;
          } else {
            if (order === 2) dd = dd * t + 2 * d * dt + v * d2[slots[i]!]!;
            d = d * t + v * dt;
            v = v * t;
          }
        }
        d1[s] = d;
        if (order === 2) d2[s] = dd;
        return v;
      },
      slot: s,
    };
  }

  /** c·a for a constant c. */
  private scale(a: Compiled, c: number): Compiled {
    const { d1, d2 } = this;
    const ra = a.run;
    const sa = a.slot;
    const s = this.slot();
    if (this.order === 0) return { run: (x) => c * ra(x), slot: s };
    if (this.order === 1) return { run: (x) => { const v = ra(x); d1[s] = c * d1[sa]!; return c * v; }, slot: s };
    return { run: (x) => { const v = ra(x); d1[s] = c * d1[sa]!; d2[s] = c * d2[sa]!; return c * v; }, slot: s };
  }

  /** a/k for a constant k (kept a division: a/3 is rounded as written, not as a·(1/3)). */
  private divideBy(a: Compiled, k: number): Compiled {
    const { d1, d2 } = this;
    const ra = a.run;
    const sa = a.slot;
    const s = this.slot();
    if (this.order === 0) return { run: (x) => ra(x) / k, slot: s };
    if (this.order === 1) return { run: (x) => { const v = ra(x); d1[s] = d1[sa]! / k; return v / k; }, slot: s };
    return { run: (x) => { const v = ra(x); d1[s] = d1[sa]! / k; d2[s] = d2[sa]! / k; return v / k; }, slot: s };
  }

  private pow(base: Compiled, exponent: Compiled): Compiled {
    const { d1, d2 } = this;
    const s = this.slot();
    const ra = base.run;
    const rb = exponent.run;
    const sa = base.slot;
    const sb = exponent.slot;
    if (this.order === 0) return { run: (x) => Math.pow(ra(x), rb(x)), slot: s };
    const order = this.order;
    if (exponent.value !== undefined) {
      const n = exponent.value;
      return {
        run: (x) => {
          const a = ra(x);
          const fa = powDa(a, n);
          const da = d1[sa]!;
          d1[s] = fa * da;
          if (order === 2) d2[s] = powDaa(a, n) * da * da + fa * d2[sa]!;
          return Math.pow(a, n);
        },
        slot: s,
      };
    }
    if (base.value !== undefined) {
      const c = base.value;
      return {
        run: (x) => {
          const b = rb(x);
          const v = Math.pow(c, b);
          const ln = powLog(c, b);
          const db = d1[sb]!;
          d1[s] = v * ln * db;
          if (order === 2) d2[s] = v * ln * (ln * db * db + d2[sb]!);
          return v;
        },
        slot: s,
      };
    }
    return {
      run: (x) => {
        const a = ra(x);
        const b = rb(x);
        const v = Math.pow(a, b);
        const fa = powDa(a, b);
        const ln = powLog(a, b);
        const fb = v * ln;
        const da = d1[sa]!;
        const db = d1[sb]!;
        d1[s] = fa * da + fb * db;
        if (order === 2) {
          // ∂²/∂a∂b (a^b) = a^(b−1)·(1 + b·ln a); 0 at a = 0 as the other partials are masked there.
          const fab = a === 0 ? 0 : Math.pow(a, b - 1) * (1 + b * ln);
          d2[s] = fa * d2[sa]! + fb * d2[sb]! + powDaa(a, b) * da * da + 2 * fab * da * db + fb * ln * db * db;
        }
        return v;
      },
      slot: s,
    };
  }

  private call(f: Run, df: Run, d2f: Run | undefined, a: Compiled): Compiled {
    const { d1, d2 } = this;
    const ra = a.run;
    const sa = a.slot;
    const s = this.slot();
    if (this.order === 0) return { run: (x) => f(ra(x)), slot: s };
    if (this.order === 1) {
      if (sa === X_SLOT) return { run: (x) => { d1[s] = df(x); return f(x); }, slot: s };
      return { run: (x) => { const v = ra(x); d1[s] = df(v) * d1[sa]!; return f(v); }, slot: s };
    }
    if (!d2f) throw new Error('internal: second derivative requested of a function without one');
    return {
      run: (x) => {
        const v = ra(x);
        const g1 = df(v);
        const da = d1[sa]!;
        d1[s] = g1 * da;
        d2[s] = d2f(v) * da * da + g1 * d2[sa]!;
        return f(v);
      },
      slot: s,
    };
  }

  private extremum(op: 'max' | 'min', a: Compiled, b: Compiled): Compiled {
    const { d1, d2 } = this;
    const ra = a.run;
    const rb = b.run;
    const sa = a.slot;
    const sb = b.slot;
    const s = this.slot();
    const pick = op === 'max' ? maxValue : minValue;
    if (this.order === 0) return { run: (x) => pick(ra(x), rb(x)), slot: s };
    const order = this.order;
    const isMax = op === 'max';
    return {
      run: (x) => {
        const va = ra(x);
        const vb = rb(x);
        let from: number;
        if (va !== va || vb !== vb) from = -1;
        else if (va === vb) from = TIE;
        else from = (va > vb) === isMax ? sa : sb;
        if (from === TIE) {
          d1[s] = (d1[sa]! + d1[sb]!) / 2;
          if (order === 2) d2[s] = (d2[sa]! + d2[sb]!) / 2;
        } else {
          d1[s] = from < 0 ? NaN : d1[from]!;
          if (order === 2) d2[s] = from < 0 ? NaN : d2[from]!;
        }
        return pick(va, vb);
      },
      slot: s,
    };
  }

  private where(cond: Condition, then: Compiled, otherwise: Compiled): Compiled {
    const { d1, d2 } = this;
    const values = new Compiler(0, d1, d2);
    const rl = values.node(cond.left).run;
    const rr = values.node(cond.right).run;
    const op = cond.op;
    const rt = then.run;
    const ro = otherwise.run;
    const st = then.slot;
    const so = otherwise.slot;
    const s = this.slot();
    if (this.order === 0) return { run: (x) => (compare(op, rl(x), rr(x)) ? rt(x) : ro(x)), slot: s };
    const order = this.order;
    return {
      run: (x) => {
        const chosen = compare(op, rl(x), rr(x));
        const v = chosen ? rt(x) : ro(x);
        const from = chosen ? st : so;
        d1[s] = d1[from]!;
        if (order === 2) d2[s] = d2[from]!;
        return v;
      },
      slot: s,
    };
  }
}

/** Compiles `e` once; the program is then evaluated at any number of points without allocating. */
export function compile(e: Expr, order: Order): Program {
  const size = countNodes(e) + 2;
  const d1 = new Float64Array(size);
  const d2 = new Float64Array(size);
  d1[X_SLOT] = 1;
  const root = new Compiler(order, d1, d2).node(e);
  return { run: root.run, d1, d2, slot: root.slot };
}

/** The value of an expression that does not depend on x (used to fold constants). */
export function constantValue(e: Expr): number {
  return compile(e, 0).run(0);
}
