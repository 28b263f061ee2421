/**
 * The expression language of user-defined checks (docs/expressions.md): a hand-written tokenizer
 * and recursive-descent parser (nothing is ever eval'ed), a resolver for table/row/column
 * references and an evaluator with the engine's rounding intervals.
 */
export type { Assertion, CompareOp, Expr, RefNode, RowSelector, Span, TableSelector } from './ast.js';
export { ExpressionError } from './errors.js';
export { evaluate, describeRef, unitOfCell, type CellValue, type EvalEnv, type Evaluation } from './evaluate.js';
export { judge, type Verdict } from './judge.js';
export { parseAssertion, parseRowSet } from './parser.js';
export { constantValue } from './typecheck.js';
export { findRows, findTable } from './resolve.js';
export { tokenize, type Token } from './tokenizer.js';
