import { ByteInput, isBytes } from './byteInput';
import { DocumentScanner } from './documentScanner';

/** What to do when the scanner pauses (the caller loads the catalog there). */
export type PauseHandler = () => void | Promise<void>;

/** Scans one whole buffer. */
export function scanBytes(
  scanner: DocumentScanner,
  bytes: Uint8Array,
  onPause: () => void,
): void {
  let position = 0;
  for (;;) {
    position = scanner.scan(bytes, position, 0, true);
    if (!scanner.paused) return;
    onPause();
  }
}

/**
 * The unread tail of the chunks so far plus the chunks waiting to be read,
 * in one reused buffer: joining them allocates nothing per chunk, so a
 * long scan does not churn through external memory the GC frees late.
 */
class ChunkWindow {
  private buffer = new Uint8Array(0);
  length = 0;

  append(chunk: Uint8Array): void {
    if (this.length + chunk.length > this.buffer.length) {
      const grown = new Uint8Array(
        Math.max(this.length + chunk.length, this.buffer.length * 2, 1 << 18),
      );
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.buffer.set(chunk, this.length);
    this.length += chunk.length;
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  /** Drops the first `count` bytes. */
  consume(count: number): void {
    this.buffer.copyWithin(0, count, this.length);
    this.length -= count;
  }
}

/**
 * Scans chunks as they arrive. Only the unread tail (at most the entry being
 * read) is kept, copied, so memory stays bounded by the largest entry, not
 * the file, and a producer may refill the same buffer for every chunk.
 */
export async function scanChunks(
  scanner: DocumentScanner,
  chunks: AsyncIterable<Uint8Array>,
  onPause: PauseHandler,
): Promise<void> {
  const window = new ChunkWindow();
  let offset = 0;

  /** Scans `bytes`; returns how many were consumed. */
  const scan = async (bytes: Uint8Array, atEnd: boolean) => {
    let position = scanner.scan(bytes, 0, offset, atEnd);
    while (scanner.paused) {
      await onPause();
      position = scanner.scan(bytes, position, offset, atEnd);
    }
    offset += position;
    return position;
  };

  for await (const chunk of chunks) {
    if (chunk.length === 0) continue;
    if (window.length === 0) {
      // Nothing left over: read the chunk in place, keep only its tail.
      const consumed = await scan(chunk, false);
      window.append(chunk.subarray(consumed));
      continue;
    }
    window.append(chunk);
    if (window.length < scanner.needed) continue;
    window.consume(await scan(window.bytes(), false));
  }
  await scan(window.bytes(), true);
}

/** Scans a buffer or a chunk stream. */
export function scanInput(
  scanner: DocumentScanner,
  input: ByteInput,
  onPause: PauseHandler,
): Promise<void> {
  return scanChunks(
    scanner,
    isBytes(input) ? singleChunk(input) : input,
    onPause,
  );
}

async function* singleChunk(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}
