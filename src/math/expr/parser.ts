/**
 * A Pratt parser for expressions in x: numbers, x, pi, e, + - * / ^ (and **), unary minus,
 * parentheses, comparisons, and calls with positional and keyword arguments. It builds a tree;
 * nothing is ever evaluated as code. Precedence follows Python: -x^2 = -(x^2), 2^-x = 2^(-x),
 * ^ is right-associative, comparisons bind loosest and cannot be chained.
 */
import { UsageError } from '../../errors.js';
import type { Ast, CompareOp, KeywordArg } from './ast.js';
import { column, tokenize, type Token } from './lexer.js';

export const MAX_EXPRESSION_LENGTH = 10_000;
export const MAX_NESTING = 256;

/** Left binding powers of the infix operators. */
const BINDING: Readonly<Record<string, number>> = {
  '<': 10,
  '<=': 10,
  '>': 10,
  '>=': 10,
  '==': 10,
  '!=': 10,
  '+': 20,
  '-': 20,
  '*': 30,
  '/': 30,
  '^': 50,
};
/** Operand of unary minus: binds tighter than * but looser than ^. */
const UNARY_BINDING = 40;
const COMPARE_BINDING = 10;

type ChainOp = '+' | '-' | '*' | '/';
interface OpenChain {
  kind: 'sum' | 'product';
  first: Ast;
  rest: { op: ChainOp; operand: Ast }[];
}

function describe(t: Token): string {
  return t.kind === 'end' ? 'the end of the expression' : `'${t.text}'`;
}

class Parser {
  private i = 0;
  private depth = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'end') this.i++;
    return t;
  }

  private previous(): Token | undefined {
    return this.i > 0 ? this.tokens[this.i - 1] : undefined;
  }

  parseAll(): Ast {
    const tree = this.parseExpression(0);
    const t = this.peek();
    if (t.kind !== 'end') throw this.unexpectedAfterOperand(t, 'an operator');
    return tree;
  }

  /** Everything that binds tighter than `minBinding`. */
  private parseExpression(minBinding: number): Ast {
    // The whole expression is depth 1: MAX_NESTING levels of parentheses or calls inside it.
    if (++this.depth > MAX_NESTING + 1) {
      throw new UsageError(`expression nests deeper than ${MAX_NESTING} levels (at ${column(this.peek().pos)})`);
    }
    try {
      return this.parseInfix(minBinding);
    } finally {
      this.depth--;
    }
  }

  private parseInfix(minBinding: number): Ast {
    let left = this.parsePrefix();
    let open: OpenChain | undefined;
    const close = (): void => {
      if (!open) return;
      const last = open.rest[open.rest.length - 1]!;
      left = {
        type: 'chain',
        kind: open.kind,
        first: open.first,
        rest: open.rest,
        pos: open.first.pos,
        end: last.operand.end,
      };
      open = undefined;
    };
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'op') break;
      const binding = BINDING[t.text]!;
      if (binding <= minBinding) break;
      this.next();
      if (t.text === '+' || t.text === '-' || t.text === '*' || t.text === '/') {
        const kind = t.text === '+' || t.text === '-' ? 'sum' : 'product';
        const operand = this.parseExpression(binding);
        if (open && open.kind === kind) {
          open.rest.push({ op: t.text, operand });
        } else {
          close();
          open = { kind, first: left, rest: [{ op: t.text, operand }] };
        }
        continue;
      }
      close();
      if (t.text === '^') {
        // Right-associative: x^y^z = x^(y^z).
        const exponent = this.parseExpression(binding - 1);
        left = { type: 'power', base: left, exponent, pos: left.pos, end: exponent.end };
        continue;
      }
      if (left.type === 'compare') {
        throw new UsageError(`comparisons cannot be chained ('${t.text}' at ${column(t.pos)}); nest where() instead`);
      }
      const right = this.parseExpression(COMPARE_BINDING);
      left = { type: 'compare', op: t.text as CompareOp, opPos: t.pos, left, right, pos: left.pos, end: right.end };
    }
    close();
    return left;
  }

  private parsePrefix(): Ast {
    const t = this.peek();
    if (t.kind === 'number') {
      this.next();
      return { type: 'number', value: t.value!, pos: t.pos, end: t.pos + t.text.length };
    }
    if (t.kind === 'name') {
      this.next();
      if (this.peek().kind === '(') return this.parseCall(t);
      return { type: 'name', name: t.text, pos: t.pos, end: t.pos + t.text.length };
    }
    if (t.kind === '(') {
      this.next();
      if (this.peek().kind === ')') throw new UsageError(`empty parentheses at ${column(t.pos)}`);
      const inner = this.parseExpression(0);
      this.expectClose(t, 'the');
      return inner;
    }
    if (t.kind === 'op' && (t.text === '-' || t.text === '+')) {
      this.next();
      const arg = this.parseExpression(UNARY_BINDING);
      return t.text === '+' ? arg : { type: 'negate', arg, pos: t.pos, end: arg.end };
    }
    throw this.missingOperand(t);
  }

  private parseCall(nameToken: Token): Ast {
    const open = this.next();
    const args: Ast[] = [];
    const kwargs: KeywordArg[] = [];
    if (this.peek().kind !== ')') {
      for (;;) {
        const t = this.peek();
        if (t.kind === 'name' && this.peek(1).kind === '=') {
          this.next();
          this.next();
          kwargs.push({ key: t.text, keyPos: t.pos, value: this.parseExpression(0) });
        } else {
          if (kwargs.length > 0) {
            throw new UsageError(
              `positional argument at ${column(t.pos)} after keyword arguments in ${nameToken.text}(); the input comes first, e.g. gelu(2*x, approximate=tanh)`,
            );
          }
          args.push(this.parseExpression(0));
        }
        if (this.peek().kind !== ',') break;
        this.next();
      }
    }
    const close = this.expectClose(open, `${nameToken.text}'s`);
    return {
      type: 'call',
      name: nameToken.text,
      args,
      kwargs,
      closePos: close.pos,
      pos: nameToken.pos,
      end: close.pos + 1,
    };
  }

  private expectClose(open: Token, whose: string): Token {
    const t = this.peek();
    if (t.kind === ')') return this.next();
    if (t.kind === 'end') {
      throw new UsageError(`missing ')' at ${column(t.pos)} to close ${whose} '(' at ${column(open.pos)}`);
    }
    throw this.unexpectedAfterOperand(t, `',' or ')'`);
  }

  /** A token where an operand (number, x, name, call, parenthesis) should start. */
  private missingOperand(t: Token): UsageError {
    const prev = this.previous();
    if (t.kind === 'end' || t.kind === ')' || t.kind === ',') {
      if (prev && (prev.kind === ',' || prev.kind === '(')) {
        return new UsageError(`missing argument after '${prev.text}' at ${column(prev.pos)}`);
      }
      if (prev && (prev.kind === 'op' || prev.kind === '=')) {
        return new UsageError(`missing operand after '${prev.text}' at ${column(prev.pos)}`);
      }
      if (!prev)
        return new UsageError(t.kind === 'end' ? 'empty expression' : `unexpected ${describe(t)} at ${column(t.pos)}`);
    }
    return new UsageError(
      `unexpected ${describe(t)} at ${column(t.pos)}; expected a number, x, a function call or '('`,
    );
  }

  /** A token after a complete operand that is not an operator that may follow here. */
  private unexpectedAfterOperand(t: Token, expected: string): UsageError {
    if (t.kind === ')') return new UsageError(`unmatched ')' at ${column(t.pos)}`);
    if (t.kind === 'number' || t.kind === 'name' || t.kind === '(') {
      return new UsageError(`missing operator before ${describe(t)} at ${column(t.pos)} (write 2*x, not 2x)`);
    }
    if (t.kind === '=') {
      return new UsageError(
        `unexpected '=' at ${column(t.pos)}; keyword parameters go inside a call (elu(x, alpha=2)), equality is ==`,
      );
    }
    if (t.kind === ',') return new UsageError(`unexpected ',' at ${column(t.pos)} outside a function call`);
    return new UsageError(`unexpected ${describe(t)} at ${column(t.pos)}; expected ${expected}`);
  }
}

/**
 * Parses `text[from, to)` (offsets count from the start of `text`, so columns in errors match
 * what the user typed). Throws UsageError with the column for every malformed input.
 */
export function parseExpression(text: string, from = 0, to = text.length): Ast {
  if (to - from > MAX_EXPRESSION_LENGTH) {
    throw new UsageError(`expression is ${to - from} characters long; the limit is ${MAX_EXPRESSION_LENGTH}`);
  }
  return new Parser(tokenize(text, from, to)).parseAll();
}
