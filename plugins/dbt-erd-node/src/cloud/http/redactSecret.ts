/**
 * Replaces every occurrence of the token in text that came from elsewhere
 * (an upstream error body, a library's error message) before it reaches an
 * error or a log line. The client never puts the token in URLs or messages
 * itself; this guards against a server or proxy echoing the header back.
 */
export function redactSecret(text: string, secret: string): string {
  if (!secret) return text;
  return text.split(secret).join('***');
}
