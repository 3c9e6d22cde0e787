/** How much of a manifest `indexManifestBytes` indexes. */
export interface ManifestReadOptions {
  /**
   * Keep each node's compiled SQL, which only the `json` target prints. Off
   * by default: on large projects the SQL is most of what the index would
   * hold. When off, `compiledSql` is null on every node.
   */
  keepCompiledSql?: boolean;
  /**
   * Keep each model's SQL (compiled, else raw) and `depends_on`, which only
   * algorithms with `readsModelSql` (`inferred`) read. Independent of
   * `keepCompiledSql`: `compiledSql` stays null unless that is set too.
   */
  keepModelSql?: boolean;
  /**
   * Which tests to index, by unique_id; by default every generic test.
   * `buildErdFromBytes` passes the algorithm's own filter, so the tests it
   * would ignore are never parsed.
   */
  isTestWanted?: (uniqueId: string) => boolean;
  /**
   * The table resource types to index (`model`, `seed`, `snapshot`,
   * `source`); by default (or when empty) all. `buildErdFromBytes` passes
   * the selection's when the algorithm never looks at other nodes.
   */
  resourceTypes?: readonly string[];
}
