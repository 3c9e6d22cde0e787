import { redactSecret } from './redactSecret';
import { StreamingBody } from './readLimitedBody';

const MAX_ERROR_BODY_BYTES = 16 * 1024;
const MAX_DETAIL_CHARS = 200;

/**
 * The human part of an error answer, if any: dbt Cloud's
 * `status.user_message`, or the first GraphQL error. Reads at most 16 KB (an
 * error page must not cost a download) and redacts the token in case a proxy
 * echoes request headers back.
 */
export async function readErrorDetail(
  body: StreamingBody,
  secret: string,
): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= MAX_ERROR_BODY_BYTES) break;
  }
  const detail = detailFromJson(Buffer.concat(chunks).toString('utf8'));
  if (!detail) return undefined;
  const clean = redactSecret(detail, secret).replace(/\s+/g, ' ').trim();
  return clean.length > MAX_DETAIL_CHARS
    ? `${clean.slice(0, MAX_DETAIL_CHARS)}…`
    : clean;
}

function detailFromJson(text: string): string | undefined {
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    // HTML error pages and truncated bodies carry nothing a user can act on.
    return undefined;
  }
  const candidates = [
    json?.status?.user_message,
    json?.errors?.[0]?.message,
    json?.detail,
    json?.message,
  ];
  return candidates.find(
    (value): value is string =>
      typeof value === 'string' && value.trim() !== '',
  );
}
