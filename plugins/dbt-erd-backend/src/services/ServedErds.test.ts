import { gunzipSync } from 'node:zlib';
import { erdEtag, ServedErd, ServedErds } from './ServedErds';

/** A body that compresses better at the default level than at the fastest. */
const body = JSON.stringify(
  Array.from({ length: 4000 }, (_, i) => ({
    id: `model.shop.table_${i % 97}_${i}`,
    columns: [`col_${i % 13}`, `col_${i % 7}`, 'varchar'],
  })),
);

/** The entry once the background compression has replaced the first one. */
async function replaced(
  served: ServedErds,
  key: string,
  first: ServedErd,
): Promise<ServedErd | undefined> {
  for (let turn = 0; turn < 1000; turn++) {
    const entry = served.get(key);
    if (entry !== first) return entry;
    await new Promise(resolve => setTimeout(resolve, 5));
  }
  return served.get(key);
}

describe('ServedErds', () => {
  it('answers with the fastest gzip, then keeps the smaller one for the answers after', async () => {
    const served = new ServedErds(10 * 1024 * 1024);
    const first = await served.put('a', body);
    expect(first.etag).toBe(erdEtag(body));
    expect(gunzipSync(first.gzip).toString()).toBe(body);
    expect(served.get('a')).toBe(first);

    const later = await replaced(served, 'a', first);
    expect(later).not.toBe(first);
    expect(later!.etag).toBe(first.etag);
    expect(later!.json.toString()).toBe(body);
    expect(later!.gzip.byteLength).toBeLessThan(first.gzip.byteLength);
  });

  it('brings back no entry forgotten before the smaller gzip is ready', async () => {
    const served = new ServedErds(10 * 1024 * 1024);
    await served.put('erd:v3:1:view:{}', body);
    served.forget('erd:v3:1:');
    // Long enough for the background compression to have finished.
    const other = await served.put('b', body);
    await replaced(served, 'b', other);
    expect(served.get('erd:v3:1:view:{}')).toBeUndefined();
  });
});
