import { FieldPlan } from './fieldPlan';

/**
 * The fields of each manifest or catalog entry that the readers in
 * `artifacts/` look at (readNode, readTest, readSemanticModel,
 * readExposures, catalogIndex). Everything else of an entry (SQL, lineage,
 * checksums, docs) is stepped over unparsed. A reader that starts to
 * read a new field must name it here too; the equality tests against
 * indexArtifacts catch a forgotten one.
 */

// Only config.meta is read, but config is kept whole: cutting its thirty
// small members in JavaScript cost more than JSON.parse spends on them.
const META = { meta: true, config: true } as const;

const TABLE_FIELDS = {
  ...META,
  database: true,
  schema: true,
  name: true,
  identifier: true,
  alias: true,
  package_name: true,
  relation_name: true,
  description: true,
  // Columns are kept whole: they are mostly what is read, and cutting each
  // one in JavaScript cost more than JSON.parse spends on the rest.
  columns: true,
  constraints: true,
  // For node selection (`tag:`, `fqn:`, `path:`, `group:`, `access:`) and
  // its graph operators, which walk depends_on: all short.
  tags: true,
  fqn: true,
  original_file_path: true,
  group: true,
  access: true,
  depends_on: { nodes: true },
} as const;

/** Models, seeds, snapshots and sources, without their compiled SQL. */
export const TABLE_PLAN = FieldPlan.of(TABLE_FIELDS);

/** Models, seeds, snapshots and sources, for the targets that print compiled SQL. */
export const TABLE_WITH_SQL_PLAN = FieldPlan.of({
  ...TABLE_FIELDS,
  compiled_code: true,
  compiled_sql: true,
});

/** Models and snapshots with the SQL the `inferred` algorithm reads. */
export const TABLE_WITH_MODEL_SQL_PLAN = FieldPlan.of({
  ...TABLE_FIELDS,
  compiled_code: true,
  compiled_sql: true,
  raw_code: true,
  raw_sql: true,
});

export const TEST_PLAN = FieldPlan.of({
  ...META,
  test_metadata: true,
  depends_on: { nodes: true },
  attached_node: true,
});

export const SEMANTIC_MODEL_PLAN = FieldPlan.of({
  ...META,
  entities: true,
  depends_on: { nodes: true },
  primary_entity: true,
});

export const EXPOSURE_PLAN = FieldPlan.of({
  ...META,
  depends_on: { nodes: true },
  url: true,
});

export const CATALOG_ENTRY_PLAN = FieldPlan.of({
  metadata: true,
  columns: true,
});
