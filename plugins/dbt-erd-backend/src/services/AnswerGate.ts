/**
 * Holds back work that can wait until an answer is out: `opened` settles
 * `graceMs` after the first `open(graceMs)` (later calls change nothing).
 *
 * A fresh build's copy for the shared cache is such work: serialising and
 * gzipping a large index takes the event loop in turns and zlib's threads
 * for a second or more, and done at once it competes with the first view
 * it was built for (that view's derivation, its gzip, its bytes leaving the
 * socket), delaying it by as much.
 */
export class AnswerGate {
  readonly opened: Promise<void>;
  private release: () => void = () => undefined;
  private isOpen = false;

  constructor() {
    this.opened = new Promise(resolve => {
      this.release = resolve;
    });
  }

  open(graceMs = 0): void {
    if (this.isOpen) return;
    this.isOpen = true;
    if (graceMs <= 0) {
      this.release();
      return;
    }
    // Unref'd: a process shutting down need not wait to store a copy.
    setTimeout(this.release, graceMs).unref();
  }
}
