import { ArtifactIndex, IndexedSemanticModel } from '../artifacts/types';
import { toCardinality } from './cardinality';
import { ErdAlgorithm, FoundRelationship } from './types';
import { uniqueRelationships } from './uniqueRelationships';

export const SEMANTIC_UNSUPPORTED_WARNING =
  'manifest.json has no semantic models (dbt older than 1.6): the semantic algorithm finds no relationships';

interface SemanticEntityEnd {
  semanticModelId: string;
  nodeId: string;
  entityName: string;
  column: string;
  relationshipType: string | null;
}

function entityEnds(models: IndexedSemanticModel[]) {
  const primaries: SemanticEntityEnd[] = [];
  const foreigns: SemanticEntityEnd[] = [];
  for (const model of models) {
    if (model.dependsOn.length === 0) continue;
    const base = {
      semanticModelId: model.uniqueId,
      nodeId: model.dependsOn[0],
      relationshipType: model.relationshipType,
    };
    for (const entity of model.entities) {
      const end = {
        ...base,
        entityName: entity.name,
        column: entity.expr || entity.name,
      };
      if (entity.type === 'primary') primaries.push(end);
      if (entity.type === 'foreign') foreigns.push(end);
    }
    if (model.primaryEntity) {
      primaries.push({
        ...base,
        entityName: model.primaryEntity,
        column: model.primaryEntity,
      });
    }
  }
  return { primaries, foreigns };
}

/**
 * Relationships between semantic models: a foreign entity points at the
 * primary entity of the same name. The cardinality comes from the primary
 * side's `meta.relationship_type` (dbterd passes it through unmapped, which
 * every target then reads as many-to-one).
 */
export const semanticAlgorithm: ErdAlgorithm = {
  name: 'semantic',
  description: 'Relationships between dbt semantic model entities',
  relevantTests: () => () => false,
  readsNodes: false,
  findRelationships(index: ArtifactIndex) {
    if (!index.semanticModels) {
      return { relationships: [], warnings: [SEMANTIC_UNSUPPORTED_WARNING] };
    }
    const { primaries, foreigns } = entityEnds(index.semanticModels);
    const relationships: FoundRelationship[] = [];
    // Primaries by entity name, in order: a scan of all primaries per foreign
    // entity would be quadratic on a manifest with 10^5 entities.
    const primariesByName = new Map<string, SemanticEntityEnd[]>();
    for (const primary of primaries) {
      const named = primariesByName.get(primary.entityName) ?? [];
      named.push(primary);
      primariesByName.set(primary.entityName, named);
    }
    for (const foreign of foreigns) {
      for (const primary of primariesByName.get(foreign.entityName) ?? []) {
        relationships.push({
          name: primary.semanticModelId,
          toId: primary.nodeId,
          fromId: foreign.nodeId,
          toColumns: [primary.column],
          fromColumns: [foreign.column],
          cardinality: toCardinality(primary.relationshipType),
          label: null,
        });
      }
    }
    return { relationships: uniqueRelationships(relationships) };
  },
};
