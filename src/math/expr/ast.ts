/** The syntax tree of an expression, as written: names are not resolved yet (bind.ts does that). */

export type CompareOp = '<' | '<=' | '>' | '>=' | '==' | '!=';

interface Located {
  /** Offset of the node's first character in the whole spec (column = pos + 1). */
  readonly pos: number;
  /** Offset just past its last character. */
  readonly end: number;
}

export interface NumberNode extends Located {
  readonly type: 'number';
  readonly value: number;
}

/** `x`, `pi`, `e`, or a word such as `tanh` in `approximate=tanh`. */
export interface NameNode extends Located {
  readonly type: 'name';
  readonly name: string;
}

export interface NegateNode extends Located {
  readonly type: 'negate';
  readonly arg: Ast;
}

/**
 * `a + b - c` or `a * b / c`: a left-to-right chain kept flat, so that a long sum is one node
 * (the tree stays as shallow as the nesting of parentheses, whatever the number of terms).
 */
export interface ChainNode extends Located {
  readonly type: 'chain';
  readonly kind: 'sum' | 'product';
  readonly first: Ast;
  readonly rest: readonly { readonly op: '+' | '-' | '*' | '/'; readonly operand: Ast }[];
}

export interface PowerNode extends Located {
  readonly type: 'power';
  readonly base: Ast;
  readonly exponent: Ast;
}

export interface CompareNode extends Located {
  readonly type: 'compare';
  readonly op: CompareOp;
  /** Offset of the operator. */
  readonly opPos: number;
  readonly left: Ast;
  readonly right: Ast;
}

export interface KeywordArg {
  readonly key: string;
  readonly keyPos: number;
  readonly value: Ast;
}

export interface CallNode extends Located {
  readonly type: 'call';
  readonly name: string;
  readonly args: readonly Ast[];
  readonly kwargs: readonly KeywordArg[];
  /** Offset of the closing parenthesis. */
  readonly closePos: number;
}

export type Ast = NumberNode | NameNode | NegateNode | ChainNode | PowerNode | CompareNode | CallNode;
