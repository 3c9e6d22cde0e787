/**
 * Replaces every secret (the dbt Cloud service token) found in text, e.g. an
 * upstream error body that echoed the Authorization header, before it is printed.
 */
export function redactSecrets(
  text: string,
  secrets: readonly string[],
): string {
  return secrets
    .filter(secret => secret.length > 0)
    .reduce((result, secret) => result.split(secret).join('***'), text);
}
