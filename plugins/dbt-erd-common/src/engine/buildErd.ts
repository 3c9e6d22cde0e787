import { FoundRelationship } from './algorithms/types';
import { DbtArtifacts, indexArtifacts } from './artifacts/indexArtifacts';
import { ArtifactIndex } from './artifacts/types';
import { ownerLinks } from './catalog/catalogLinks';
import {
  DerivedView,
  DrawnTable,
  erdNodeOf,
  deriveView,
  forEachDrawnColumn,
  FOREIGN_KEY_FLAG,
  PRIMARY_KEY_FLAG,
} from './derivation/DerivedView';
import { exposureLinks } from './derivation/exposureLinks';
import { ProjectFacts } from './derivation/ProjectFacts';
import { groupNodes } from './naming/entityGroup';
import { resolveErdOptions } from './options';
import {
  Erd,
  ErdBuildResult,
  ErdColumn,
  ErdEdge,
  ErdNode,
  ErdNodeDetails,
  ErdOptions,
  ErdTableKey,
} from './types';

/** dbterd's `$schema` / `dbterd_version` when no version is pinned. */
export const DEFAULT_DBTERD_VERSION = 'latest';

function erdColumn(
  name: string,
  dataType: string,
  description: string,
  flags: number,
): ErdColumn {
  return {
    name,
    data_type: dataType,
    description: description || null,
    is_primary_key: (flags & PRIMARY_KEY_FLAG) !== 0,
    is_foreign_key: (flags & FOREIGN_KEY_FLAG) !== 0,
  };
}

function toErdNode(table: DrawnTable): ErdNode {
  const columns: ErdColumn[] = [];
  forEachDrawnColumn(table, (...column) => columns.push(erdColumn(...column)));
  return erdNodeOf(table, columns, table.node.compiledSql);
}

/** Arrays are copied: the relationship is kept for other views of the index. */
function toErdEdge(relationship: FoundRelationship): ErdEdge {
  const edge: ErdEdge = {
    id: relationship.name,
    from_id: relationship.fromId,
    to_id: relationship.toId,
    from_columns: [...relationship.fromColumns],
    to_columns: [...relationship.toColumns],
    relationship_type: 'fk',
    name: relationship.name,
    label: relationship.label,
    cardinality: relationship.cardinality,
  };
  // Only when set: dbterd's own edges have none of these fields.
  if (relationship.provenance) edge.provenance = relationship.provenance;
  if (relationship.evidence) edge.evidence = [...relationship.evidence];
  if (relationship.confidence) edge.confidence = relationship.confidence;
  return edge;
}

function nodeDetails(
  tables: DrawnTable[],
  exposureEntities: Record<string, string> = {},
): Record<string, ErdNodeDetails> {
  // Null prototype: a table whose id is `__proto__` keeps its details.
  const details: Record<string, ErdNodeDetails> = Object.create(null);
  for (const { node } of tables) {
    const detail: ErdNodeDetails = {
      packageName: node.packageName,
      relationName: node.relationName,
      exposures: node.exposures,
    };
    // Only when there are some: ERDs without catalog links keep their shape.
    const linked = exposureLinks(node, exposureEntities);
    if (linked.length > 0) detail.exposureEntities = linked;
    const owners = ownerLinks(node.group ?? null, node.meta.owner ?? null);
    if (owners.length > 0) detail.owners = owners;
    details[node.uniqueId] = detail;
  }
  return details;
}

/** The canonical ERD of a view (what exports print). */
function erdOfView(view: DerivedView): ErdBuildResult {
  const { index, tables, options } = view;
  const nodes = tables.map(toErdNode);
  const erd: Erd = {
    nodes,
    edges: view.relationships.map(toErdEdge),
    metadata: {
      generated_at: index.generatedAt,
      dbt_project_name: index.projectName,
      dbterd_version: DEFAULT_DBTERD_VERSION,
    },
    extras: {
      nodeDetails: nodeDetails(tables, index.exposureEntities),
    },
  };
  const drawnKeys: Record<string, ErdTableKey[]> = Object.create(null);
  for (const table of tables) {
    const tableKeys = view.keys.get(table.node.uniqueId);
    if (tableKeys) {
      drawnKeys[table.node.uniqueId] = tableKeys.map(key => ({
        ...key,
        columns: [...key.columns],
      }));
    }
  }
  if (Object.keys(drawnKeys).length > 0) erd.extras!.keys = drawnKeys;
  if (view.inference) erd.extras!.inference = { ...view.inference };
  if (options.entityGroup) {
    erd.groups = groupNodes(nodes, options.entityGroup);
    erd.extras!.entityGroup = options.entityGroup;
  }
  return { erd, warnings: view.warnings };
}

/**
 * Every view of one project index: `build` is `buildErdFromIndex` of the
 * index, byte for byte, and what views share (keys, each algorithm's
 * relationships, names per format, table order) is worked out once per
 * instance, so further views cost only their selection and output. Keep
 * one per index for as long as the index is kept, and never change the index.
 */
export class ErdDerivation {
  /** The project index every view is derived from; never changed. */
  readonly index: ArtifactIndex;
  private readonly facts: ProjectFacts;

  constructor(index: ArtifactIndex) {
    this.index = index;
    this.facts = new ProjectFacts(index);
  }

  /**
   * What these options draw of the index, before any output is written:
   * the tab's payload is encoded from it without the canonical ERD.
   */
  view(options: Partial<ErdOptions> = {}): DerivedView {
    return deriveView(this.facts, options);
  }

  /** The ERD of the index with these options, as `buildErdFromIndex` draws it. */
  build(options: Partial<ErdOptions> = {}): ErdBuildResult {
    return erdOfView(this.view(options));
  }
}

/**
 * The ERD of an already indexed project. This is the seam a streaming
 * manifest reader plugs into: it only needs to produce the ArtifactIndex.
 * Deriving several views of one index: see ErdDerivation.
 */
export function buildErdFromIndex(
  index: ArtifactIndex,
  options: Partial<ErdOptions> = {},
): ErdBuildResult {
  return new ErdDerivation(index).build(options);
}

/**
 * dbt artifacts (parsed manifest.json and, ideally, catalog.json) to an ERD,
 * the way dbterd reads them. Throws ErdInputError for unusable input.
 */
export function buildErd(
  artifacts: DbtArtifacts,
  options: Partial<ErdOptions> = {},
): ErdBuildResult {
  // Options first: a typo in a rule should not cost a parse of a large manifest.
  resolveErdOptions(options);
  return buildErdFromIndex(indexArtifacts(artifacts), options);
}
