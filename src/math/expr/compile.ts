/**
 * Compiles a bound expression once into a sequence of small closures: forward-mode automatic
 * differentiation on truncated Taylor series. Every node owns a slot in scratch arrays allocated at
 * compile time — its value in v, its first derivative with respect to x in d1 and (order 2) its
 * second in d2 — and its step reads its operands' slots and writes its own. Steps take no
 * arguments and return nothing, so no number is boxed between nodes and evaluating a point
 * allocates nothing of ours (catalog kernels are called with and return plain numbers).
 * Order 0 computes values only.
 *
 * Conventions (checked against torch 1.13): max/min return a at a tie and split the derivative
 * evenly, (a′ + b′)/2, as torch.maximum's backward does; where() takes the value and derivative of
 * the branch chosen (only that branch is evaluated, so where(x > 0, sqrt(x), 0) has derivative 0
 * for x ≤ 0 where torch's backward gives NaN); x^n has derivative 0 for n = 0, and the exponent's
 * partial derivative a^b·ln a is taken as 0 where a = 0 and b ≥ 0, as torch.pow's backward does.
 */
import { compare, countNodes, type Condition, type Expr } from './ir.js';

export type Order = 0 | 1 | 2;
type Step = () => void;

/** A compiled expression: after `run(x)`, f(x) is in v[slot], f′(x) in d1[slot], f″(x) in d2[slot]. */
export interface Program {
  readonly run: (x: number) => void;
  readonly v: Float64Array;
  readonly d1: Float64Array;
  readonly d2: Float64Array;
  readonly slot: number;
}

interface Compiled {
  readonly slot: number;
  /** Set for constants, so that parents can fold them into their own step. */
  readonly value?: number;
}

/** x lives in slot 0: its value is set per point, its derivatives are 1 and 0. */
const X_SLOT = 0;

const maxValue = (a: number, b: number): number => (a !== a || b !== b ? NaN : a < b ? b : a);
const minValue = (a: number, b: number): number => (a !== a || b !== b ? NaN : b < a ? b : a);

/** ∂(a^b)/∂a = b·a^(b−1), 0 when b = 0 (torch masks it so that 0^0 has derivative 0). */
const powDa = (a: number, b: number): number => (b === 0 ? 0 : b * Math.pow(a, b - 1));
/** ∂²(a^b)/∂a² = b(b−1)·a^(b−2), 0 when that factor is 0. */
const powDaa = (a: number, b: number): number => (b * (b - 1) === 0 ? 0 : b * (b - 1) * Math.pow(a, b - 2));
/** ln a for ∂(a^b)/∂b = a^b·ln a, with torch's mask: 0 where a = 0 and b ≥ 0. */
const powLog = (a: number, b: number): number => (a === 0 && b >= 0 ? 0 : Math.log(a));

function runAll(steps: readonly Step[]): Step {
  const n = steps.length;
  if (n === 0) return () => {};
  if (n === 1) return steps[0]!;
  return () => {
    for (let i = 0; i < n; i++) steps[i]!();
  };
}

class Compiler {
  private nextSlot = X_SLOT + 1;

  constructor(
    private readonly v: Float64Array,
    private readonly d1: Float64Array,
    private readonly d2: Float64Array,
  ) {}

  /** Appends the steps that compute `e` to `steps`, in evaluation order; returns its slot. */
  node(e: Expr, order: Order, steps: Step[]): Compiled {
    switch (e.op) {
      case 'const': {
        const s = this.nextSlot++;
        this.v[s] = e.value;
        return { slot: s, value: e.value };
      }
      case 'x':
        return { slot: X_SLOT };
      case 'neg':
        return this.emit(steps, this.neg(this.node(e.arg, order, steps), order));
      case 'sum': {
        const terms = [e.first, ...e.rest.map((r) => r.term)].map((t) => this.node(t, order, steps));
        return this.emit(steps, this.sum(terms, [false, ...e.rest.map((r) => r.negative)], order));
      }
      case 'product': {
        const factors = [e.first, ...e.rest.map((r) => r.factor)].map((t) => this.node(t, order, steps));
        return this.emit(steps, this.product(factors, [false, ...e.rest.map((r) => r.divide)], order));
      }
      case 'pow': {
        const base = this.node(e.base, order, steps);
        return this.emit(steps, this.pow(base, this.node(e.exponent, order, steps), order));
      }
      case 'call':
        return this.emit(steps, this.call(e.rule.f, e.rule.df, e.rule.d2, this.node(e.arg, order, steps), order));
      case 'max':
      case 'min': {
        const a = this.node(e.a, order, steps);
        return this.emit(steps, this.extremum(e.op, a, this.node(e.b, order, steps), order));
      }
      case 'where':
        return this.emit(steps, this.where(e.cond, e.then, e.otherwise, order));
    }
  }

  private emit(steps: Step[], [slot, step]: readonly [number, Step]): Compiled {
    steps.push(step);
    return { slot };
  }

  private neg(a: Compiled, order: Order): [number, Step] {
    const { v, d1, d2 } = this;
    const sa = a.slot;
    const s = this.nextSlot++;
    if (order === 0)
      return [
        s,
        () => {
          v[s] = -v[sa]!;
        },
      ];
    if (order === 1)
      return [
        s,
        () => {
          v[s] = -v[sa]!;
          d1[s] = -d1[sa]!;
        },
      ];
    return [
      s,
      () => {
        v[s] = -v[sa]!;
        d1[s] = -d1[sa]!;
        d2[s] = -d2[sa]!;
      },
    ];
  }

  private sum(terms: Compiled[], negative: boolean[], order: Order): [number, Step] {
    const { v, d1, d2 } = this;
    const s = this.nextSlot++;
    const slots = terms.map((t) => t.slot);
    const n = slots.length;
    if (n === 2 && order < 2) {
      const [sa, sb] = slots as [number, number];
      if (negative[1]) {
        if (order === 0)
          return [
            s,
            () => {
              v[s] = v[sa]! - v[sb]!;
            },
          ];
        return [
          s,
          () => {
            v[s] = v[sa]! - v[sb]!;
            d1[s] = d1[sa]! - d1[sb]!;
          },
        ];
      }
      if (order === 0)
        return [
          s,
          () => {
            v[s] = v[sa]! + v[sb]!;
          },
        ];
      return [
        s,
        () => {
          v[s] = v[sa]! + v[sb]!;
          d1[s] = d1[sa]! + d1[sb]!;
        },
      ];
    }
    // Left to right, as written: (a + b) − c rounds as the text says.
    const accumulate = (into: Float64Array): void => {
      let acc = into[slots[0]!]!;
      for (let i = 1; i < n; i++) acc = negative[i] ? acc - into[slots[i]!]! : acc + into[slots[i]!]!;
      into[s] = acc;
    };
    if (order === 0) return [s, () => accumulate(v)];
    if (order === 1)
      return [
        s,
        () => {
          accumulate(v);
          accumulate(d1);
        },
      ];
    return [
      s,
      () => {
        accumulate(v);
        accumulate(d1);
        accumulate(d2);
      },
    ];
  }

  private product(factors: Compiled[], divide: boolean[], order: Order): [number, Step] {
    if (factors.length === 2) {
      const [a, b] = factors as [Compiled, Compiled];
      if (a.value !== undefined && !divide[1]) return this.scale(b, a.value, false, order);
      if (b.value !== undefined) return this.scale(a, b.value, divide[1]!, order);
    }
    const { v, d1, d2 } = this;
    const s = this.nextSlot++;
    const slots = factors.map((t) => t.slot);
    const n = slots.length;
    if (n === 2 && order < 2) {
      const [sa, sb] = slots as [number, number];
      if (divide[1]) {
        if (order === 0)
          return [
            s,
            () => {
              v[s] = v[sa]! / v[sb]!;
            },
          ];
        return [
          s,
          () => {
            const b = v[sb]!;
            const q = v[sa]! / b;
            v[s] = q;
            d1[s] = (d1[sa]! - q * d1[sb]!) / b;
          },
        ];
      }
      if (order === 0)
        return [
          s,
          () => {
            v[s] = v[sa]! * v[sb]!;
          },
        ];
      return [
        s,
        () => {
          const a = v[sa]!;
          const b = v[sb]!;
          v[s] = a * b;
          d1[s] = d1[sa]! * b + a * d1[sb]!;
        },
      ];
    }
    return [
      s,
      () => {
        let val = v[slots[0]!]!;
        let d = d1[slots[0]!]!;
        let dd = d2[slots[0]!]!;
        for (let i = 1; i < n; i++) {
          const si = slots[i]!;
          const t = v[si]!;
          if (divide[i]) {
            const q = val / t;
            if (order >= 1) {
              const dq = (d - q * d1[si]!) / t;
              if (order === 2) dd = (dd - 2 * dq * d1[si]! - q * d2[si]!) / t;
              d = dq;
            }
            val = q;
          } else {
            if (order === 2) dd = dd * t + 2 * d * d1[si]! + val * d2[si]!;
            if (order >= 1) d = d * t + val * d1[si]!;
            val = val * t;
          }
        }
        v[s] = val;
        if (order >= 1) d1[s] = d;
        if (order === 2) d2[s] = dd;
      },
    ];
  }

  /** c·a, or a/c (kept a division: a/3 is rounded as written, not as a·(1/3)). */
  private scale(a: Compiled, c: number, divide: boolean, order: Order): [number, Step] {
    const { v, d1, d2 } = this;
    const sa = a.slot;
    const s = this.nextSlot++;
    if (divide) {
      if (order === 0)
        return [
          s,
          () => {
            v[s] = v[sa]! / c;
          },
        ];
      if (order === 1)
        return [
          s,
          () => {
            v[s] = v[sa]! / c;
            d1[s] = d1[sa]! / c;
          },
        ];
      return [
        s,
        () => {
          v[s] = v[sa]! / c;
          d1[s] = d1[sa]! / c;
          d2[s] = d2[sa]! / c;
        },
      ];
    }
    if (order === 0)
      return [
        s,
        () => {
          v[s] = c * v[sa]!;
        },
      ];
    if (order === 1)
      return [
        s,
        () => {
          v[s] = c * v[sa]!;
          d1[s] = c * d1[sa]!;
        },
      ];
    return [
      s,
      () => {
        v[s] = c * v[sa]!;
        d1[s] = c * d1[sa]!;
        d2[s] = c * d2[sa]!;
      },
    ];
  }

  private pow(base: Compiled, exponent: Compiled, order: Order): [number, Step] {
    const { v, d1, d2 } = this;
    const s = this.nextSlot++;
    const sa = base.slot;
    const sb = exponent.slot;
    if (exponent.value !== undefined) {
      const n = exponent.value;
      if (order === 0)
        return [
          s,
          () => {
            v[s] = Math.pow(v[sa]!, n);
          },
        ];
      return [
        s,
        () => {
          const a = v[sa]!;
          const fa = powDa(a, n);
          const da = d1[sa]!;
          v[s] = Math.pow(a, n);
          d1[s] = fa * da;
          if (order === 2) d2[s] = powDaa(a, n) * da * da + fa * d2[sa]!;
        },
      ];
    }
    if (order === 0)
      return [
        s,
        () => {
          v[s] = Math.pow(v[sa]!, v[sb]!);
        },
      ];
    if (base.value !== undefined) {
      const c = base.value;
      return [
        s,
        () => {
          const b = v[sb]!;
          const val = Math.pow(c, b);
          const ln = powLog(c, b);
          const db = d1[sb]!;
          v[s] = val;
          d1[s] = val * ln * db;
          if (order === 2) d2[s] = val * ln * (ln * db * db + d2[sb]!);
        },
      ];
    }
    return [
      s,
      () => {
        const a = v[sa]!;
        const b = v[sb]!;
        const val = Math.pow(a, b);
        const fa = powDa(a, b);
        const ln = powLog(a, b);
        const fb = val * ln;
        const da = d1[sa]!;
        const db = d1[sb]!;
        v[s] = val;
        d1[s] = fa * da + fb * db;
        if (order === 2) {
          // ∂²/∂a∂b (a^b) = a^(b−1)·(1 + b·ln a); 0 at a = 0 as the other partials are masked there.
          const fab = a === 0 ? 0 : Math.pow(a, b - 1) * (1 + b * ln);
          d2[s] = fa * d2[sa]! + fb * d2[sb]! + powDaa(a, b) * da * da + 2 * fab * da * db + fb * ln * db * db;
        }
      },
    ];
  }

  private call(
    f: (a: number) => number,
    df: (a: number) => number,
    d2f: ((a: number) => number) | undefined,
    a: Compiled,
    order: Order,
  ): [number, Step] {
    const { v, d1, d2 } = this;
    const sa = a.slot;
    const s = this.nextSlot++;
    if (order === 0)
      return [
        s,
        () => {
          v[s] = f(v[sa]!);
        },
      ];
    if (order === 1) {
      if (sa === X_SLOT)
        return [
          s,
          () => {
            const u = v[sa]!;
            v[s] = f(u);
            d1[s] = df(u);
          },
        ];
      return [
        s,
        () => {
          const u = v[sa]!;
          v[s] = f(u);
          d1[s] = df(u) * d1[sa]!;
        },
      ];
    }
    if (!d2f) throw new Error('internal: second derivative requested of a function without one');
    return [
      s,
      () => {
        const u = v[sa]!;
        const g1 = df(u);
        const da = d1[sa]!;
        v[s] = f(u);
        d1[s] = g1 * da;
        d2[s] = d2f(u) * da * da + g1 * d2[sa]!;
      },
    ];
  }

  private extremum(op: 'max' | 'min', a: Compiled, b: Compiled, order: Order): [number, Step] {
    const { v, d1, d2 } = this;
    const sa = a.slot;
    const sb = b.slot;
    const s = this.nextSlot++;
    const pick = op === 'max' ? maxValue : minValue;
    if (order === 0)
      return [
        s,
        () => {
          v[s] = pick(v[sa]!, v[sb]!);
        },
      ];
    const isMax = op === 'max';
    return [
      s,
      () => {
        const va = v[sa]!;
        const vb = v[sb]!;
        if (va === vb) {
          // A tie: the value is a (signed zeros as torch), the derivative split evenly.
          v[s] = va;
          d1[s] = (d1[sa]! + d1[sb]!) / 2;
          if (order === 2) d2[s] = (d2[sa]! + d2[sb]!) / 2;
        } else if (va !== va || vb !== vb) {
          v[s] = NaN;
          d1[s] = NaN;
          if (order === 2) d2[s] = NaN;
        } else {
          const from = (isMax ? va > vb : va < vb) ? sa : sb;
          v[s] = v[from]!;
          d1[s] = d1[from]!;
          if (order === 2) d2[s] = d2[from]!;
        }
      },
    ];
  }

  private where(cond: Condition, then: Expr, otherwise: Expr, order: Order): [number, Step] {
    const { v, d1, d2 } = this;
    const condSteps: Step[] = [];
    const sl = this.node(cond.left, 0, condSteps).slot;
    const sr = this.node(cond.right, 0, condSteps).slot;
    const thenSteps: Step[] = [];
    const st = this.node(then, order, thenSteps).slot;
    const otherSteps: Step[] = [];
    const so = this.node(otherwise, order, otherSteps).slot;
    const test = runAll(condSteps);
    const runThen = runAll(thenSteps);
    const runOther = runAll(otherSteps);
    const op = cond.op;
    const s = this.nextSlot++;
    return [
      s,
      () => {
        test();
        const chosen = compare(op, v[sl]!, v[sr]!);
        if (chosen) runThen();
        else runOther();
        const from = chosen ? st : so;
        v[s] = v[from]!;
        if (order >= 1) d1[s] = d1[from]!;
        if (order === 2) d2[s] = d2[from]!;
      },
    ];
  }
}

/** Compiles `e` once; the program is then evaluated at any number of points without allocating. */
export function compile(e: Expr, order: Order): Program {
  const size = countNodes(e) + 1;
  const v = new Float64Array(size);
  const d1 = new Float64Array(size);
  const d2 = new Float64Array(size);
  d1[X_SLOT] = 1;
  const steps: Step[] = [];
  const { slot } = new Compiler(v, d1, d2).node(e, order, steps);
  const n = steps.length;
  const run =
    n === 1
      ? (x: number) => {
          v[X_SLOT] = x;
          steps[0]!();
        }
      : (x: number) => {
          v[X_SLOT] = x;
          for (let i = 0; i < n; i++) steps[i]!();
        };
  return { run, v, d1, d2, slot };
}

/** f as a plain function of x (order 0). */
export function valueFunction(e: Expr): (x: number) => number {
  const { run, v, slot } = compile(e, 0);
  return (x) => {
    run(x);
    return v[slot]!;
  };
}

/** The value of an expression that does not depend on x (used to fold constants). */
export function constantValue(e: Expr): number {
  return valueFunction(e)(0);
}
