/** Helpers that hand JSON to the streaming reader the ways real callers do. */

export function jsonBytes(value: unknown, indent?: number): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value, null, indent));
}

/** Fixed-size chunks, as a stream with that highWaterMark would yield them. */
export async function* chunksOf(
  bytes: Uint8Array,
  size: number,
): AsyncIterable<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) {
    yield bytes.slice(at, at + size);
  }
}

/** A small deterministic PRNG (mulberry32), so failures reproduce. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Chunks cut at random offsets (1 to maxSize bytes), including empty ones. */
export async function* randomChunks(
  bytes: Uint8Array,
  seed: number,
  maxSize: number,
): AsyncIterable<Uint8Array> {
  const random = seededRandom(seed);
  let at = 0;
  while (at < bytes.length) {
    const size = Math.floor(random() * (maxSize + 1));
    yield bytes.slice(at, at + size);
    at += size;
  }
}
