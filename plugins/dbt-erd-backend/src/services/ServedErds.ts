import { LRUCache } from 'lru-cache';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { constants, gunzipSync, gzip } from 'node:zlib';

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

function servedErd(etag: string, compressed: Buffer): ServedErd {
  return {
    etag,
    gzip: compressed,
    get json() {
      return gunzipSync(compressed);
    },
  };
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

  /**
   * Compresses off the event loop (zlib's thread pool), then keeps it if it
   * fits. The answer that waits for it gets the fastest compression (on a
   * 5,000-model ERD a quarter of the default's time, a quarter more bytes);
   * the default's smaller bytes then replace it for every later answer.
   */
  async put(key: string, body: string): Promise<ServedErd> {
    const compressing = gzipAsync(body, { level: constants.Z_BEST_SPEED });
    // Hashed while zlib's thread compresses.
    const etag = erdEtag(body);
    const fast = servedErd(etag, await compressing);
    this.entries.set(key, fast);
    gzipAsync(body)
      .then(smaller => {
        // Unless forgotten or replaced meanwhile.
        if (this.entries.peek(key) === fast) {
          this.entries.set(key, servedErd(etag, smaller));
        }
      })
      // The fast bytes stay: they are as good an answer, only larger.
      .catch(() => undefined);
    return fast;
  }

  /** Drops every entry whose key starts with `prefix` (one artifact version's views). */
  forget(prefix: string) {
    for (const key of [...this.entries.keys()]) {
      if (key.startsWith(prefix)) this.entries.delete(key);
    }
  }
}
