/**
 * Resolves the names of a parsed expression: x, the constants pi and e, max/min/pow/where/clamp,
 * every catalog entry by name or alias with keyword parameters bound through the same validation
 * as specs, and the math functions of functions.ts (a name in both, such as tanh or exp, is the
 * catalog's). Constant subtrees are folded. Errors are UsageErrors naming the column.
 */
import { UsageError } from '../../errors.js';
import { allNames, findEntry } from '../catalog.js';
import { closestNames } from '../names.js';
import { parseNumberLiteral } from '../numbers.js';
import { bindParams, labelFor } from '../params.js';
import type { CatalogEntry, ParamDef, SpecArg } from '../types.js';
import type { Ast, CallNode, KeywordArg } from './ast.js';
import { constantValue } from './compile.js';
import { unaryFunctions, type UnaryRule } from './functions.js';
import { constant, X, type Expr } from './ir.js';
import { column } from './lexer.js';
import { corner } from '../define.js';

// Tables looked up by user-typed names have no prototype: `constructor` or `__proto__` is not in them.
const CONSTANTS: Readonly<Record<string, number>> = Object.setPrototypeOf({ pi: Math.PI, e: Math.E }, null);

/** Functions that are not of one argument; each binds its own arguments (where's is a comparison). */
interface Special {
  readonly signature: string;
  readonly arity: number;
  build(call: CallNode, binder: Binder): Expr;
}

function binary(op: 'max' | 'min' | 'pow'): Special['build'] {
  return (call, binder) => {
    const [a, b] = call.args.map((arg) => binder.bind(arg)) as [Expr, Expr];
    return folded(op === 'pow' ? { op, base: a, exponent: b } : { op, a, b }, [a, b]);
  };
}

const SPECIALS: Readonly<Record<string, Special>> = Object.setPrototypeOf(
  {
    max: { signature: 'max(a, b)', arity: 2, build: binary('max') },
    min: { signature: 'min(a, b)', arity: 2, build: binary('min') },
    pow: { signature: 'pow(a, b)', arity: 2, build: binary('pow') },
    where: { signature: 'where(cond, a, b)', arity: 3, build: (call, binder) => binder.where(call) },
    clamp: { signature: 'clamp(a, lo, hi)', arity: 3, build: (call, binder) => clampCall(call, binder) },
    clip: { signature: 'clip(a, lo, hi)', arity: 3, build: (call, binder) => clampCall(call, binder) },
  } satisfies Record<string, Special>,
  null,
);

/** torch.clamp: the gradient passes where lo ≤ a ≤ hi, bounds included. Bounds must be constants. */
function clampCall(call: CallNode, binder: Binder): Expr {
  const [a, lo, hi] = call.args.map((arg) => binder.bind(arg)) as [Expr, Expr, Expr];
  const name = call.name;
  if (lo.op !== 'const' || hi.op !== 'const') {
    throw new UsageError(`the bounds of ${name} at ${column(call.pos)} must be constants (they may not depend on x)`);
  }
  const l = lo.value;
  const h = hi.value;
  if (!(l <= h))
    throw new UsageError(`${name} at ${column(call.pos)}: the lower bound ${l} is above the upper bound ${h}`);
  const rule: UnaryRule = {
    name,
    f: (v) => (v < l ? l : v > h ? h : v),
    df: (v) => (v >= l && v <= h ? 1 : v === v ? 0 : NaN),
    d2: (v) => (v === v ? 0 : NaN),
    kinks: [corner(l, 0, 1, 1), corner(h, 1, 0, 1)],
  };
  return folded({ op: 'call', rule, arg: a }, [a]);
}

/** The lower-case name expressions would use for a catalog entry (`leaky_relu`, `sigmoid`). */
function callName(entry: CatalogEntry): string {
  return entry.aliases.find((a) => /^[a-z][a-z0-9_]*$/.test(a)) ?? entry.name;
}

/** Every function name an expression can call, for suggestions. */
function suggestFunctions(name: string): string[] {
  const own = [...unaryFunctions.keys(), ...Object.keys(SPECIALS)];
  const hits = closestNames(name, [...own, ...allNames()]);
  const shown = hits.map((h) => (own.includes(h) ? h : callName(findEntry(h)!)));
  return [...new Set(shown)];
}

function quoteList(names: readonly string[]): string {
  const q = names.map((n) => `'${n}'`);
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

/** x, pi, e and the functions only expressions have (sin, max, where …), not catalog names. */
export function isExpressionWord(name: string): boolean {
  const lower = name.toLowerCase();
  return name === 'x' || name in CONSTANTS || lower in SPECIALS || unaryFunctions.has(lower);
}

function isFunctionName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower in SPECIALS || unaryFunctions.has(lower) || findEntry(name) !== undefined;
}

/** Folds a node whose operands are all constants into its value. */
function folded(e: Expr, operands: readonly Expr[]): Expr {
  return operands.every((o) => o.op === 'const') ? constant(constantValue(e)) : e;
}

class Binder {
  constructor(private readonly source: string) {}

  bind(node: Ast): Expr {
    switch (node.type) {
      case 'number':
        return constant(node.value);
      case 'name':
        return this.name(node.name, node.pos);
      case 'negate': {
        const arg = this.bind(node.arg);
        return folded({ op: 'neg', arg }, [arg]);
      }
      case 'chain': {
        const first = this.bind(node.first);
        const rest = node.rest.map((r) => ({ op: r.op, operand: this.bind(r.operand) }));
        const operands = [first, ...rest.map((r) => r.operand)];
        const e: Expr =
          node.kind === 'sum'
            ? { op: 'sum', first, rest: rest.map((r) => ({ negative: r.op === '-', term: r.operand })) }
            : { op: 'product', first, rest: rest.map((r) => ({ divide: r.op === '/', factor: r.operand })) };
        return folded(e, operands);
      }
      case 'power': {
        const base = this.bind(node.base);
        const exponent = this.bind(node.exponent);
        return folded({ op: 'pow', base, exponent }, [base, exponent]);
      }
      case 'compare':
        throw new UsageError(
          `comparison '${node.op}' at ${column(node.opPos)} can only be the condition of where(cond, a, b), e.g. where(x > 0, x, 0)`,
        );
      case 'call':
        return this.call(node);
    }
  }

  private name(name: string, pos: number): Expr {
    if (name === 'x') return X;
    const c = CONSTANTS[name];
    if (c !== undefined) return constant(c);
    if (isFunctionName(name)) {
      throw new UsageError(`'${name}' at ${column(pos)} is a function: call it, e.g. ${name}(x)`);
    }
    throw new UsageError(`unknown name '${name}' at ${column(pos)}; the variable is x and the constants are pi and e`);
  }

  private call(node: CallNode): Expr {
    const lower = node.name.toLowerCase();
    const special = SPECIALS[lower];
    if (special) {
      this.noKeywords(node);
      this.arity(node, special.arity, special.signature);
      return special.build(node, this);
    }
    // A name in both (tanh, exp) is the catalog's: its accuracy and conventions, bit for bit.
    const entry = findEntry(node.name);
    if (entry) return this.catalogCall(entry, node);
    const math = unaryFunctions.get(lower);
    if (math) {
      this.noKeywords(node);
      this.arity(node, 1, `${lower}(x)`);
      const arg = this.bind(node.args[0]!);
      return folded({ op: 'call', rule: math, arg }, [arg]);
    }
    const near = suggestFunctions(node.name);
    const hint = near.length ? `did you mean ${quoteList(near)}?` : 'run `actfn list` for the catalog';
    throw new UsageError(`unknown function '${node.name}' at ${column(node.pos)}; ${hint}`);
  }

  /** where(cond, a, b): a constant condition picks its branch once. */
  where(node: CallNode): Expr {
    const [c, a, b] = node.args as [Ast, Ast, Ast];
    if (c.type !== 'compare') {
      throw new UsageError(
        `the first argument of where at ${column(node.pos)} must be a comparison, e.g. where(x > 0, x, 0)`,
      );
    }
    const cond = { op: c.op, left: this.bind(c.left), right: this.bind(c.right) };
    const then = this.bind(a);
    const otherwise = this.bind(b);
    if (cond.left.op === 'const' && cond.right.op === 'const') {
      // biome-ignore lint/suspicious/noThenProperty: an IR node's field, never awaited
      return constantValue({ op: 'where', cond, then: constant(1), otherwise: constant(0) }) === 1 ? then : otherwise;
    }
    return { op: 'where', cond, then, otherwise };
  }

  private noKeywords(node: CallNode): void {
    const kw = node.kwargs[0];
    if (kw) throw new UsageError(`${node.name} takes no keyword parameters (got '${kw.key}' at ${column(kw.keyPos)})`);
  }

  private arity(node: CallNode, n: number, signature: string): void {
    const got = node.args.length;
    if (got === n) return;
    if (got < n) {
      throw new UsageError(
        `missing argument at ${column(node.closePos)}: ${signature} takes ${n === 1 ? 'one argument' : `${n} arguments`}, got ${got}`,
      );
    }
    throw new UsageError(
      `too many arguments at ${column(node.args[n]!.pos)}: ${signature} takes ${n === 1 ? 'one argument' : `${n} arguments`}, got ${got}`,
    );
  }

  private catalogCall(entry: CatalogEntry, node: CallNode): Expr {
    const name = callName(entry);
    if (entry.kind === 'vector') {
      throw new UsageError(
        `${entry.name} at ${column(node.pos)} acts on the whole vector of points, not point by point, so it cannot be used inside an expression (use it on its own: actfn table ${entry.name})`,
      );
    }
    const example = entry.params[0] ? `${name}(x, ${entry.params[0].name}=${entry.params[0].default})` : `${name}(x)`;
    if (node.args.length === 0) {
      throw new UsageError(`missing argument at ${column(node.closePos)}: ${name} takes one argument, e.g. ${example}`);
    }
    if (node.args.length > 1) {
      throw new UsageError(
        `too many arguments at ${column(node.args[1]!.pos)}: ${name} takes one input; parameters go by keyword, e.g. ${example}`,
      );
    }
    const specArgs = node.kwargs.map((kw, i) => {
      if (node.kwargs.findIndex((k) => k.key.toLowerCase() === kw.key.toLowerCase()) !== i) {
        throw new UsageError(`keyword parameter '${kw.key}' at ${column(kw.keyPos)} is given twice`);
      }
      const def = this.paramDef(entry, kw);
      const arg: SpecArg = { key: def.name, value: this.keywordText(kw, def) };
      withColumn(kw.keyPos, () => bindParams(entry, [arg]));
      return arg;
    });
    const params = withColumn(node.pos, () => bindParams(entry, specArgs));
    const problem = entry.validate?.(params);
    if (problem !== undefined) throw new UsageError(`${entry.name}: ${problem} (at ${column(node.pos)})`);
    const kernel = entry.kernel(params);
    const rule: UnaryRule = {
      name: labelFor(entry, params),
      f: kernel.f,
      df: kernel.df,
      d2: kernel.d2,
      kinks: entry.kinks(params),
    };
    const arg = this.bind(node.args[0]!);
    return folded({ op: 'call', rule, arg }, [arg]);
  }

  private paramDef(entry: CatalogEntry, kw: KeywordArg): ParamDef {
    const def =
      entry.params.find((d) => d.name === kw.key) ??
      entry.params.find((d) => d.name.toLowerCase() === kw.key.toLowerCase());
    if (def) return def;
    const where = `unknown keyword parameter '${kw.key}' at ${column(kw.keyPos)}`;
    if (entry.params.length === 0) throw new UsageError(`${where}: ${entry.name} takes no parameters`);
    const near = closestNames(
      kw.key,
      entry.params.map((d) => d.name),
      1,
    );
    const valid = entry.params.map((d) => d.name).join(', ');
    throw new UsageError(`${where}${near.length ? `; did you mean '${near[0]}'?` : ''} (${entry.name} takes ${valid})`);
  }

  /**
   * The value of `key=value` as bindParams reads it: words and number literals as written (so that
   * messages quote the user's text), constant arithmetic such as 2*pi evaluated.
   */
  private keywordText(kw: KeywordArg, def: ParamDef): string {
    const raw = this.source.slice(kw.value.pos, kw.value.end).trim();
    if (
      def.kind === 'choice' ||
      parseNumberLiteral(raw, { allowFraction: true, allowInfinity: true, allowNaN: true }) !== undefined
    ) {
      return raw;
    }
    const value = this.bind(kw.value);
    if (value.op !== 'const') {
      throw new UsageError(
        `keyword parameter '${kw.key}' at ${column(kw.keyPos)} must be a constant (it may not depend on x)`,
      );
    }
    return String(value.value);
  }
}

/** Runs `fn`; a UsageError it throws gets the column appended. */
function withColumn<T>(pos: number, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof UsageError) throw new UsageError(`${err.message} (at ${column(pos)})`);
    throw err;
  }
}

/** Binds a parsed expression; `source` is the text it was parsed from (for keyword values). */
export function bindExpression(tree: Ast, source: string): Expr {
  return new Binder(source).bind(tree);
}
