/**
 * A dbt artifact as bytes: one buffer, or chunks as a file or HTTP stream
 * yields them (Node readable streams are async iterables, and so are web
 * ReadableStreams where the browser supports it). Chunks may split the
 * JSON anywhere, and a producer may reuse its buffer once the next chunk
 * is asked for: the reader copies what it keeps.
 */
export type ByteInput = Uint8Array | AsyncIterable<Uint8Array>;

/** Typed arrays from another realm (jest, iframes) fail `instanceof`. */
export function isBytes(value: unknown): value is Uint8Array {
  return (
    ArrayBuffer.isView(value) &&
    (value as Uint8Array).BYTES_PER_ELEMENT === 1 &&
    !(value instanceof DataView)
  );
}

export function isChunkStream(
  value: unknown,
): value is AsyncIterable<Uint8Array> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] ===
      'function'
  );
}

export function isByteInput(value: unknown): value is ByteInput {
  return isBytes(value) || isChunkStream(value);
}
