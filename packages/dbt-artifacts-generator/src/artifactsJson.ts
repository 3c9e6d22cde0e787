/** A manifest.json / catalog.json pair as parsed JSON. */
export interface DbtArtifactsJson {
  manifest: Record<string, any>;
  catalog: Record<string, any>;
}
