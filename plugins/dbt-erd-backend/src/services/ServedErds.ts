import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/** An ERD ready to send: its bytes, gzipped once, and an ETag. */
export interface ServedErd {
  etag: string;
  json: Buffer;
  gzip: Buffer;
}

/** The ETag of an ERD's JSON text, stored beside it in the shared cache. */
export function erdEtag(json: string): string {
  return `"${createHash('sha1').update(json).digest('base64url')}"`;
}

/**
 * The few most recently served ERDs of this replica, compressed and
 * hashed once. A cached ERD of a 1,000-model project is megabytes of JSON:
 * copying, hashing and sending it whole for every request is what would
 * make the tab slow under load, not building it. Entries are checked
 * against the ETag in the shared cache, so an ERD that expired or was
 * rebuilt elsewhere is never served from here.
 */
export class ServedErds {
  private readonly entries = new Map<string, ServedErd>();

  constructor(private readonly maxEntries = 32) {}

  get(key: string, etag: string): ServedErd | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.etag !== etag) return undefined;
    // Map order is insertion order: re-inserting marks it most recent.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  put(key: string, json: string, etag = erdEtag(json)): ServedErd {
    const bytes = Buffer.from(json);
    const entry = { etag, json: bytes, gzip: gzipSync(bytes) };
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    return entry;
  }
}
