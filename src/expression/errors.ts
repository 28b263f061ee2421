/**
 * A mistake in a user expression, with the 1-based character column where it is. The rule loader
 * turns it into a ConfigError naming the rule file and the option's JSON pointer (exit 2).
 */
export class ExpressionError extends Error {
  constructor(readonly reason: string, readonly column: number) {
    super(`${reason} at column ${column}`);
    this.name = 'ExpressionError';
  }
}
