const MB = 1024 * 1024;
const KB = 1024;

/** "512 MB", "1.5 MB", "300 KB", "12 bytes": sizes as a person reads them. */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${round(bytes / MB)} MB`;
  if (bytes >= KB) return `${round(bytes / KB)} KB`;
  return `${bytes} bytes`;
}

/** "30 s", "0.25 s": time-outs and waits as a person reads them. */
export function formatSeconds(ms: number): string {
  return `${Math.round(ms) / 1000} s`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
