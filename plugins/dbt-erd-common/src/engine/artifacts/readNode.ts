import { CatalogLookup } from './catalogIndex';
import { readCompiledSql, readModelSql } from './compiledSql';
import { ManifestColumn, mergeColumns } from './mergeColumns';
import { readMeta } from './meta';
import {
  FieldPath,
  JsonRecord,
  asRecord,
  childPath,
  readDependsOn,
  readRecord,
  readRecordList,
  readString,
  readStringList,
  readStringMap,
} from './readers';
import { relationKey, unquoteColumnName } from './relationKey';
import { readSelectionFacts } from './readSelectionFacts';
import {
  IndexedConstraint,
  IndexedNode,
  IndexedNodeMeta,
  IndexedResourceType,
} from './types';

const TABLE_RESOURCE_TYPES: readonly string[] = [
  'model',
  'seed',
  'snapshot',
  'source',
];

/** The resource type a unique_id names, when it is one the ERD can draw. */
export function tableResourceType(
  uniqueId: string,
): IndexedResourceType | null {
  const prefix = uniqueId.split('.', 1)[0];
  return TABLE_RESOURCE_TYPES.includes(prefix)
    ? (prefix as IndexedResourceType)
    : null;
}

function readConstraint(
  raw: JsonRecord,
  at: FieldPath,
  column: string | null,
  columnRelationshipType: string | null,
): IndexedConstraint {
  return {
    level: column === null ? 'model' : 'column',
    column,
    type: (readString(raw, 'type') ?? '').toLowerCase(),
    name: readString(raw, 'name') || null,
    to: readString(raw, 'to') || null,
    toColumns: readStringList(raw, 'to_columns', at),
    columns: readStringList(raw, 'columns', at),
    columnRelationshipType,
  };
}

function readNodeMeta(entry: JsonRecord, at: FieldPath): IndexedNodeMeta {
  const meta = readMeta(entry, at);
  return {
    label: readString(meta, 'label'),
    relationshipLabel: readString(meta, 'relationship_label'),
    relationshipLabels: readStringMap(meta, 'relationship_labels'),
    relationshipTypes: readStringMap(meta, 'relationship_types'),
    owner: readString(meta, 'owner'),
  };
}

export interface ReadNodeContext {
  catalog: CatalogLookup;
  exposuresByNode: Map<string, string[]>;
}

/** One model, seed, snapshot or source, reduced to what the ERD needs. */
export function readNode(
  uniqueId: string,
  raw: unknown,
  section: 'nodes' | 'sources',
  resourceType: IndexedResourceType,
  at: FieldPath,
  context: ReadNodeContext,
): IndexedNode {
  const entry = asRecord(raw, at);
  const idParts = uniqueId.split('.');
  const database = readString(entry, 'database') ?? '';
  const schema = readString(entry, 'schema') ?? '';
  const name = readString(entry, 'name') ?? idParts[2] ?? uniqueId;
  const tableName =
    (resourceType === 'source' ? readString(entry, 'identifier') : null) ??
    readString(entry, 'alias') ??
    name;

  const columnsAt = childPath(at, 'columns');
  const rawColumns = readRecord(entry, 'columns', at);
  const manifestColumns: ManifestColumn[] = [];
  const constraints: IndexedConstraint[] = [];
  // Keys, not entries: this runs for every column of every node.
  for (const key of Object.keys(rawColumns)) {
    const columnAt = childPath(columnsAt, key);
    const column = asRecord(rawColumns[key], columnAt);
    const columnName = unquoteColumnName(key);
    manifestColumns.push({
      name: columnName,
      dataType: readString(column, 'data_type'),
      description: readString(column, 'description') ?? '',
    });
    const relationshipType = readString(
      readMeta(column, columnAt),
      'relationship_type',
    );
    const constraintsAt = childPath(columnAt, 'constraints');
    readRecordList(column, 'constraints', columnAt).forEach((constraint, i) =>
      constraints.push(
        readConstraint(
          constraint,
          childPath(constraintsAt, String(i)),
          columnName,
          relationshipType,
        ),
      ),
    );
  }
  const modelConstraintsAt = childPath(at, 'constraints');
  readRecordList(entry, 'constraints', at).forEach((constraint, i) =>
    constraints.push(
      readConstraint(
        constraint,
        childPath(modelConstraintsAt, String(i)),
        null,
        null,
      ),
    ),
  );

  const catalogColumns = context.catalog.find(
    uniqueId,
    section,
    relationKey(database, schema, tableName),
  );

  return {
    uniqueId,
    resourceType,
    packageName: readString(entry, 'package_name') ?? idParts[1] ?? '',
    name,
    database,
    schema,
    tableName,
    relationName: readString(entry, 'relation_name'),
    description: readString(entry, 'description') ?? '',
    compiledSql: readCompiledSql(entry, resourceType, Object.keys(rawColumns)),
    modelSql: readModelSql(entry, resourceType),
    dependsOn: readDependsOn(entry, at),
    ...readSelectionFacts(entry),
    columns: mergeColumns(catalogColumns, manifestColumns),
    exposures: context.exposuresByNode.get(uniqueId) ?? [],
    meta: readNodeMeta(entry, at),
    constraints,
  };
}
