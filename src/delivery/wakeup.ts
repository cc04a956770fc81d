/**
 * A nudge for the digest sender: publishing or resuming a subscription queues digests that are due now,
 * and the sender should look at once rather than at its next poll. The sender (a background job)
 * listens; the bot and the inbox only call wake(), so they never hold the sender itself.
 */
export class DigestWakeup {
  private readonly listeners = new Set<() => void>();

  wake(): void {
    for (const listener of this.listeners) listener();
  }

  /** Returns a function that stops listening. */
  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
