/** The `metadata` fields that say which dbt invocation wrote an artifact. */
export interface ArtifactIdentity {
  invocationId?: string;
  generatedAt?: string;
}

// dbt writes `metadata` first, so its fields are near the start of the file.
const HEAD_BYTES = 64 * 1024;
const FIELD = (name: string) =>
  new RegExp(`"${name}"\\s*:\\s*"([^"\\\\]{1,100})"`);
const INVOCATION_ID = FIELD('invocation_id');
const GENERATED_AT = FIELD('generated_at');

/**
 * Reads an artifact's invocation id and generation time, from parsed JSON or
 * from the first bytes of an unparsed one (without parsing a large manifest).
 */
export function artifactIdentity(artifact: unknown): ArtifactIdentity {
  if (artifact instanceof Uint8Array) {
    const head = Buffer.from(
      artifact.buffer,
      artifact.byteOffset,
      Math.min(artifact.byteLength, HEAD_BYTES),
    ).toString('utf8');
    return {
      invocationId: INVOCATION_ID.exec(head)?.[1],
      generatedAt: GENERATED_AT.exec(head)?.[1],
    };
  }
  const metadata = (artifact as { metadata?: Record<string, unknown> } | null)
    ?.metadata;
  const text = (value: unknown) =>
    typeof value === 'string' ? value : undefined;
  return {
    invocationId: text(metadata?.invocation_id),
    generatedAt: text(metadata?.generated_at),
  };
}

/**
 * A warning when manifest.json and catalog.json were written by different
 * dbt invocations, e.g. the job endpoint's "latest matching artifact" of
 * each coming from another run; undefined when they match or cannot tell.
 */
export function mixedInvocationWarning(
  what: string,
  manifest: unknown,
  catalog: unknown,
): string | undefined {
  if (catalog === undefined) return undefined;
  const m = artifactIdentity(manifest);
  const c = artifactIdentity(catalog);
  if (!m.invocationId || !c.invocationId || m.invocationId === c.invocationId)
    return undefined;
  const describe = (id: ArtifactIdentity) =>
    `invocation ${id.invocationId}${
      id.generatedAt ? `, generated ${id.generatedAt}` : ''
    }`;
  return `manifest.json and catalog.json of ${what} come from different dbt runs (manifest: ${describe(
    m,
  )}; catalog: ${describe(
    c,
  )}); column types may not match the models. Enable "Generate docs on run" so one run writes both`;
}
