/**
 * Hands items that arrive in any order (results from worker threads) to `consume` in index order
 * 0, 1, 2, …, one at a time: an item waits only until the ones before it have arrived and been
 * consumed. `consume` may be asynchronous (a write that waits for the stream to drain). The first
 * error it throws stops the consuming and is thrown by `done()`; it is never an unhandled rejection.
 */
export class InOrder<T> {
  private readonly waiting = new Map<number, T>();
  private next = 0;
  private chain: Promise<void> = Promise.resolve();
  private failure: { readonly error: unknown } | undefined;

  constructor(private readonly consume: (item: T, index: number) => void | Promise<void>) {}

  put(index: number, item: T): void {
    this.waiting.set(index, item);
    this.chain = this.chain.then(() => this.release()).catch((error: unknown) => {
      this.failure ??= { error };
      this.waiting.clear();
    });
  }

  /** Resolves once every item put so far that can go (no gap before it) has been consumed; throws the first error. */
  async done(): Promise<void> {
    await this.chain;
    if (this.failure) throw this.failure.error;
  }

  private async release(): Promise<void> {
    while (this.failure === undefined && this.waiting.has(this.next)) {
      const item = this.waiting.get(this.next) as T;
      this.waiting.delete(this.next);
      await this.consume(item, this.next++);
    }
  }
}
