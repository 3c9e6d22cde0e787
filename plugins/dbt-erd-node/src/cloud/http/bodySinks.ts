/** Where the bytes of a response body go while they stream in. */
export interface BodySink<T> {
  write(chunk: Buffer): void;
  finish(): T;
}

/**
 * Collects a body as bytes. With a Content-Length the bytes go straight into
 * one buffer allocated once at the announced size, so a large manifest is
 * never held twice. Without one, chunks are kept and joined at the end: the
 * only moment the bytes exist twice, which is why the JSON variant uses
 * {@link TextSink} instead.
 */
export class ByteSink implements BodySink<Buffer> {
  #buffer?: Buffer;
  #offset = 0;
  #chunks: Buffer[] = [];

  constructor(expectedLength?: number) {
    if (expectedLength !== undefined) {
      // Unpooled, so the returned view owns exactly its bytes.
      this.#buffer = Buffer.allocUnsafeSlow(expectedLength);
    }
  }

  write(chunk: Buffer): void {
    if (!this.#buffer) {
      this.#chunks.push(chunk);
      this.#offset += chunk.length;
      return;
    }
    if (this.#offset + chunk.length > this.#buffer.length) {
      // HTTP parsers stop at Content-Length; this only guards the invariant.
      throw new Error('response body is longer than its Content-Length');
    }
    chunk.copy(this.#buffer, this.#offset);
    this.#offset += chunk.length;
  }

  finish(): Buffer {
    if (this.#buffer) {
      return this.#offset === this.#buffer.length
        ? this.#buffer
        : this.#buffer.subarray(0, this.#offset);
    }
    const chunks = this.#chunks;
    this.#chunks = [];
    return chunks.length === 1
      ? chunks[0]
      : Buffer.concat(chunks, this.#offset);
  }
}

/**
 * Decodes a body to text as it streams, so the bytes are released chunk by
 * chunk and only the string (which JSON.parse needs anyway) is kept.
 */
export class TextSink implements BodySink<string> {
  // Default TextDecoder strips a UTF-8 BOM, which JSON.parse would reject.
  #decoder = new TextDecoder('utf-8');
  #parts: string[] = [];

  write(chunk: Buffer): void {
    this.#parts.push(this.#decoder.decode(chunk, { stream: true }));
  }

  finish(): string {
    this.#parts.push(this.#decoder.decode());
    const parts = this.#parts;
    this.#parts = [];
    return parts.join('');
  }
}
