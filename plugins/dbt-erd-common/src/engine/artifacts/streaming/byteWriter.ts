const SHORT_COPY = 64;

/** A growable byte buffer, reused from entry to entry to spare allocations. */
export class ByteWriter {
  private buffer = new Uint8Array(64 * 1024);
  length = 0;

  reset(): void {
    this.length = 0;
  }

  byte(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value;
  }

  copy(bytes: Uint8Array, start: number, end: number): void {
    const count = end - start;
    this.reserve(count);
    const buffer = this.buffer;
    if (count > SHORT_COPY) {
      buffer.set(bytes.subarray(start, end), this.length);
    } else {
      // Most copies are a key or a short value: a loop beats allocating a view.
      let at = this.length;
      for (let i = start; i < end; i++) buffer[at++] = bytes[i];
    }
    this.length += count;
  }

  /** The bytes written so far; valid until the next write. */
  view(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }
}
