/**
 * Counts the views this replica is deriving and encoding, so that
 * background work can give way to them.
 *
 * Packing a large index for the shared cache (see ErdCache.putProject) is
 * such work: a second or more of stringifying on the event loop and of
 * gzip in zlib's threads. Interleaved with a view, on a replica of two
 * cores, it took those cores from the view and made it take several times
 * as long; given way to, it runs between views. Builds are not counted:
 * they last seconds, and packing held back behind a burst of them would
 * keep every index it has not stored yet in memory meanwhile.
 */
export class ViewsInProgress {
  private count = 0;
  private readonly waiting = new Set<() => void>();

  /** A view begins; call the returned function once, when it has ended. */
  begin(): () => void {
    this.count += 1;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.count -= 1;
      if (this.count === 0) {
        for (const resume of [...this.waiting]) resume();
      }
    };
  }

  /**
   * Settles once no view is in progress, or after `maxWaitMs` at most:
   * under a steady stream of views the background work still moves on.
   */
  quiet(maxWaitMs: number): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise(resolve => {
      const waiter = { resume: () => undefined as void };
      const timer = setTimeout(() => waiter.resume(), maxWaitMs);
      // A process shutting down need not wait for it.
      timer.unref();
      waiter.resume = () => {
        clearTimeout(timer);
        this.waiting.delete(waiter.resume);
        resolve();
      };
      this.waiting.add(waiter.resume);
    });
  }
}
