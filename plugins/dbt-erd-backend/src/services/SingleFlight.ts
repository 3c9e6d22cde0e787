/**
 * Collapses concurrent calls for the same key into one: the first caller
 * runs the work, the others await its promise. Nothing is kept once it
 * settles, so a failure is never served to a later caller.
 */
export class SingleFlight<T> {
  private readonly running = new Map<string, Promise<T>>();

  run(key: string, work: () => Promise<T>): Promise<T> {
    const existing = this.running.get(key);
    if (existing) return existing;
    const promise = work().finally(() => this.running.delete(key));
    this.running.set(key, promise);
    return promise;
  }
}
