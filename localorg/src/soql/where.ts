// WHERE to SQL. The parser gives a flat chain with parenthesis counts; we rebuild the tree, refuse AND/OR mixed
// without parentheses (as SOQL does), and compile each condition with SOQL's comparison rules.
import type { WhereClause } from '@jetstreamapp/soql-parser-js';
import { soqlErrors } from './errors';

export type Token =
  | { kind: 'open' }
  | { kind: 'close' }
  | { kind: 'not' }
  | { kind: 'op'; op: 'AND' | 'OR' }
  | { kind: 'cond'; cond: ConditionNode };

/** One comparison as the parser gives it. */
export interface ConditionNode {
  field?: string;
  fn?: { rawValue?: string; functionName?: string };
  operator: string;
  value?: string | string[];
  literalType?: string | string[];
  dateLiteralVariable?: number | number[];
  valueQuery?: unknown;
}

function isCondition(left: unknown): left is ConditionNode & { openParen?: number; closeParen?: number } {
  return typeof left === 'object' && left !== null && 'operator' in left;
}

export function tokenize(where: WhereClause): Token[] {
  const tokens: Token[] = [];
  let node: WhereClause | undefined = where;
  while (node) {
    const { left } = node;
    const operator = 'operator' in node ? node.operator : undefined;
    if (operator === 'NOT' && !isCondition(left)) {
      tokens.push({ kind: 'not' });
      for (let i = 0; i < (left?.openParen ?? 0); i += 1) tokens.push({ kind: 'open' });
    } else if (isCondition(left)) {
      for (let i = 0; i < (left.openParen ?? 0); i += 1) tokens.push({ kind: 'open' });
      tokens.push({ kind: 'cond', cond: left });
      for (let i = 0; i < (left.closeParen ?? 0); i += 1) tokens.push({ kind: 'close' });
      if (operator === 'AND' || operator === 'OR') tokens.push({ kind: 'op', op: operator });
    }
    node = 'right' in node ? node.right : undefined;
  }
  return tokens;
}

/** Recursive descent over the tokens: expr := term (op term)*, one op kind per level; term := NOT term | (expr) | cond. */
export function compileTokens(tokens: Token[], compileCondition: (cond: ConditionNode) => string): string {
  let pos = 0;
  const expr = (): string => {
    const parts = [term()];
    let op: 'AND' | 'OR' | null = null;
    for (let t = tokens[pos]; t?.kind === 'op'; t = tokens[pos]) {
      if (op !== null && t.op !== op) throw soqlErrors.malformed(`unexpected token: '${t.op}'`, ` ${t.op} `);
      op = t.op;
      pos += 1;
      parts.push(term());
    }
    return parts.length === 1 ? (parts[0] ?? '') : `(${parts.join(` ${op ?? 'AND'} `)})`;
  };
  const term = (): string => {
    const t = tokens[pos];
    pos += 1;
    if (t?.kind === 'not') return `(NOT ${term()})`;
    if (t?.kind === 'open') {
      const inner = expr();
      if (tokens[pos]?.kind !== 'close') throw soqlErrors.malformed("unexpected token: '('");
      pos += 1;
      return inner;
    }
    if (t?.kind === 'cond') return compileCondition(t.cond);
    throw soqlErrors.malformed('unexpected end of WHERE clause');
  };
  const sql = expr();
  if (pos !== tokens.length) throw soqlErrors.malformed("unexpected token: ')'");
  return sql;
}
