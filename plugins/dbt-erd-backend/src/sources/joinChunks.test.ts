import { joinChunks } from './joinChunks';

async function* chunksOf(...sizes: number[]): AsyncIterable<Uint8Array> {
  let start = 0;
  for (const size of sizes) {
    const first = start;
    yield Uint8Array.from({ length: size }, (_, i) => (first + i) % 251);
    start += size;
  }
}

describe('joinChunks', () => {
  it('passes the same bytes on in chunks of about the size asked', async () => {
    const sizes = [3, 5, 9, 1, 16, 40, 2, 0, 7];
    const joined: Uint8Array[] = [];
    // Copied as it comes: the buffer is reused for the next chunk.
    for await (const chunk of joinChunks(chunksOf(...sizes), 10)) {
      joined.push(Uint8Array.from(chunk));
    }
    const all = Buffer.concat(joined);
    const expected = Buffer.concat(
      await (async () => {
        const parts: Uint8Array[] = [];
        for await (const chunk of chunksOf(...sizes)) parts.push(chunk);
        return parts;
      })(),
    );
    expect(all.equals(expected)).toBe(true);
    expect(joined.map(chunk => chunk.length)).toEqual([8, 10, 16, 40, 9]);
  });

  it('passes nothing on for an empty stream', async () => {
    const joined: Uint8Array[] = [];
    for await (const chunk of joinChunks(chunksOf(), 10)) joined.push(chunk);
    expect(joined).toEqual([]);
  });
});
