/**
 * The bound form of an expression: names resolved (x, constants, math functions, catalog entries
 * with their parameters), constant subtrees folded. Every node other than `const` depends on x.
 */
import type { CompareOp } from './ast.js';
import type { UnaryRule } from './functions.js';

export interface Condition {
  readonly op: CompareOp;
  readonly left: Expr;
  readonly right: Expr;
}

export type Expr =
  | { readonly op: 'const'; readonly value: number }
  | { readonly op: 'x' }
  | { readonly op: 'neg'; readonly arg: Expr }
  /** first ± rest[0] ± rest[1] …, left to right. */
  | {
      readonly op: 'sum';
      readonly first: Expr;
      readonly rest: readonly { readonly negative: boolean; readonly term: Expr }[];
    }
  /** first ×/÷ rest[0] ×/÷ rest[1] …, left to right. */
  | {
      readonly op: 'product';
      readonly first: Expr;
      readonly rest: readonly { readonly divide: boolean; readonly factor: Expr }[];
    }
  | { readonly op: 'pow'; readonly base: Expr; readonly exponent: Expr }
  /** A function of one argument: a math function, a catalog entry, or clamp with constant bounds. */
  | { readonly op: 'call'; readonly rule: UnaryRule; readonly arg: Expr }
  /** torch.maximum / torch.minimum: at a tie the value is a and the gradient is split evenly. */
  | { readonly op: 'max' | 'min'; readonly a: Expr; readonly b: Expr }
  /** torch.where: the value and the derivative of the branch chosen. */
  | { readonly op: 'where'; readonly cond: Condition; readonly then: Expr; readonly otherwise: Expr };

export const X: Expr = { op: 'x' };

export function constant(value: number): Expr {
  return { op: 'const', value };
}

export function compare(op: CompareOp, a: number, b: number): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '==':
      return a === b;
    case '!=':
      return a !== b;
  }
}

/** The operands of a node (a where's condition last). */
export function children(e: Expr): readonly Expr[] {
  switch (e.op) {
    case 'const':
    case 'x':
      return [];
    case 'neg':
    case 'call':
      return [e.arg];
    case 'sum':
      return [e.first, ...e.rest.map((r) => r.term)];
    case 'product':
      return [e.first, ...e.rest.map((r) => r.factor)];
    case 'pow':
      return [e.base, e.exponent];
    case 'max':
    case 'min':
      return [e.a, e.b];
    case 'where':
      return [e.then, e.otherwise, e.cond.left, e.cond.right];
  }
}

/** Nodes in the tree (the size of the scratch space for derivatives). */
export function countNodes(e: Expr): number {
  return children(e).reduce((n, c) => n + countNodes(c), 1);
}

/** True when every function called has a second derivative, so f″ can be computed. */
export function hasSecondDerivative(e: Expr): boolean {
  return (e.op !== 'call' || e.rule.d2 !== undefined) && children(e).every(hasSecondDerivative);
}
