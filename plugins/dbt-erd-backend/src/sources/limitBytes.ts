/**
 * Passes a byte stream through, failing with `tooLarge()` as soon as more
 * than `maxBytes` went by: a huge or endless file is cut off while it
 * streams, never held whole first.
 */
export async function* limitBytes(
  chunks: AsyncIterable<Uint8Array>,
  maxBytes: number,
  tooLarge: () => Error,
): AsyncIterable<Uint8Array> {
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.byteLength;
    if (total > maxBytes) throw tooLarge();
    yield chunk;
  }
}
