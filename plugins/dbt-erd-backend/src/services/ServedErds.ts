import { LRUCache } from 'lru-cache';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/** An ERD ready to send: its body gzipped once, and an ETag. */
export interface ServedErd {
  etag: string;
  gzip: Buffer;
  /** The plain body, for the rare client that takes no gzip (unzipped on demand). */
  readonly json: Buffer;
}

/** The ETag of a tab body. */
export function erdEtag(body: string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/**
 * This replica's most recently served ERDs, gzipped and hashed once, under
 * a byte budget (`dbtErd.cache.servedBytes`), least recently used first
 * out. A 5,000-model ERD is megabytes of JSON: copying, hashing and
 * compressing it per request is what would make the tab slow under load;
 * keeping every one a replica ever served is what would run it out of
 * memory. Only the gzip is kept (a tenth of the JSON).
 */
export class ServedErds {
  private readonly entries: LRUCache<string, ServedErd>;

  constructor(maxBytes: number) {
    this.entries = new LRUCache<string, ServedErd>({
      maxSize: maxBytes,
      sizeCalculation: entry => Math.max(1, entry.gzip.byteLength),
    });
  }

  get(key: string): ServedErd | undefined {
    return this.entries.get(key);
  }

  /** Compresses off the event loop (zlib's thread pool), then keeps it if it fits. */
  async put(key: string, body: string): Promise<ServedErd> {
    const compressed = await gzipAsync(body);
    const entry: ServedErd = {
      etag: erdEtag(body),
      gzip: compressed,
      get json() {
        return gunzipSync(compressed);
      },
    };
    this.entries.set(key, entry);
    return entry;
  }

  /** Drops every entry whose key starts with `prefix` (one artifact version's views). */
  forget(prefix: string) {
    for (const key of [...this.entries.keys()]) {
      if (key.startsWith(prefix)) this.entries.delete(key);
    }
  }
}
