import type {
  Cardinality,
  EdgeConfidence,
  EdgeProvenance,
  ErdEdge,
  ErdExtras,
  ErdMetadata,
  ErdNode,
  ErdNodeDetails,
  ErdTableKey,
} from '../engine/types';
import type { ErdResponse } from './erdResponse';
import type { ErdSourceInfo } from './sourceInfo';
import { StringTable } from './StringTable';
import { encodeExposures } from './tabExposures';

/** Names this encoding; a decoder refuses any other. */
export const TAB_ERD_FORMAT = 'dbt-erd-tab/1';

/**
 * One table: id, name, label, resource type, database, schema, package,
 * columns. `name` is 0 when it equals the id (the default name format);
 * the next four are indices into `strings` (package -1: unknown); columns
 * are flat pairs `[name, type * 4 + flags]`, both via `strings`, flags
 * 1 = primary key, 2 = foreign key.
 */
export type TabTable = [
  id: string,
  name: string | 0,
  label: string | null,
  resourceType: number,
  database: number,
  schema: number,
  packageName: number,
  columns: number[],
];

/**
 * One relationship: from, to, from columns, to columns, id, name, label,
 * cardinality, then provenance, confidence and evidence; tables by index in
 * `tables`, columns via `strings`, `name` 0 when it equals the id; the last
 * three are left off when absent.
 */
/** The fields every relationship has; see TabEdge. */
export type TabEdgeHead = [
  from: number,
  to: number,
  fromColumns: number[],
  toColumns: number[],
  id: string,
  name: string | 0,
  label: string | null,
  cardinality: Cardinality,
];
export type TabEdge =
  | TabEdgeHead
  | [
      ...TabEdgeHead,
      provenance: EdgeProvenance | 0,
      confidence: EdgeConfidence | 0,
      evidence: string[] | 0,
    ];

/** A table's key: table, kind, source, columns; kind 0 primary, 1 unique; source 0 constraint, 1 test, 2 combination test. */
export type TabKey = [
  table: number,
  kind: 0 | 1,
  source: 0 | 1 | 2,
  columns: string[],
];

/**
 * A dbt exposure that names a Backstage entity: its name, the entity ref
 * (via `strings`) and the tables it depends on (indices in `tables`). The
 * tab draws it as an exposure node; the rest of an exposure (its other
 * fields, exposures naming no entity) is the drawer's.
 */
export type TabExposure = [name: string, entityRef: number, tables: number[]];

/**
 * The ERD tab's response: what the diagram, search and header need (and
 * the exposures that name a catalog entity, drawn as exposure nodes), with
 * the descriptions left for the table drawer (`…/erd/tables/:tableId`).
 * Names repeated across tables (types, schemas, column names) are written
 * once in `strings`; tables and relationships are tuples. About a twelfth
 * of the plain ERD's bytes.
 */
export interface TabErdPayload {
  format: typeof TAB_ERD_FORMAT;
  strings: string[];
  tables: TabTable[];
  edges: TabEdge[];
  /** Group name and its tables' indices; absent when the ERD has no groups. */
  groups?: Array<[name: string, tables: number[]]>;
  metadata: ErdMetadata;
  /** Present when the ERD has engine extras (the engine always sets them). */
  extras?: {
    entityGroup?: string;
    keys?: TabKey[];
    inference?: ErdExtras['inference'];
    /** Absent when no exposure names an entity. */
    exposures?: TabExposure[];
  };
  source: ErdSourceInfo;
  warnings: string[];
}

export const KEY_KINDS: ErdTableKey['kind'][] = ['primary', 'unique'];
export const KEY_SOURCES: ErdTableKey['source'][] = [
  'constraint',
  'test',
  'combination_test',
];

/**
 * `record[key]` as an own property, made when absent. Table ids come from
 * the artifacts: `constructor` must not find Object's, nor `__proto__` set
 * the record's prototype.
 */
function ownEntry<T>(record: Record<string, T>, key: string, make: () => T): T {
  if (Object.hasOwn(record, key)) return record[key];
  const value = make();
  Object.defineProperty(record, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return value;
}

/** The ERD as the tab receives it: see TabErdPayload. Pure; the backend calls it once per built ERD. */
export function encodeTabErd(response: ErdResponse): TabErdPayload {
  const strings = new StringTable();
  const tableIndex = new Map<string, number>();
  const nodeDetails = response.extras?.nodeDetails;
  const tables = response.nodes.map((node, at): TabTable => {
    tableIndex.set(node.id, at);
    const columns: number[] = [];
    for (const column of node.columns) {
      const flags =
        (column.is_primary_key ? 1 : 0) | (column.is_foreign_key ? 2 : 0);
      columns.push(
        strings.of(column.name),
        strings.of(column.data_type) * 4 + flags,
      );
    }
    const details =
      nodeDetails && Object.hasOwn(nodeDetails, node.id)
        ? nodeDetails[node.id]
        : undefined;
    return [
      node.id,
      node.name === node.id ? 0 : node.name,
      node.label,
      strings.of(node.resource_type),
      strings.of(node.database),
      strings.of(node.schema_name),
      details ? strings.of(details.packageName) : -1,
      columns,
    ];
  });
  const tableOf = (id: string) => {
    const at = tableIndex.get(id);
    if (at === undefined) {
      throw new Error(`relationship end ${id} is not a table of the ERD`);
    }
    return at;
  };
  const edges = response.edges.map((edge): TabEdge => {
    const head: TabEdgeHead = [
      tableOf(edge.from_id),
      tableOf(edge.to_id),
      edge.from_columns.map(c => strings.of(c)),
      edge.to_columns.map(c => strings.of(c)),
      edge.id,
      edge.name === edge.id ? 0 : edge.name,
      edge.label,
      edge.cardinality,
    ];
    if (
      edge.provenance === undefined &&
      edge.confidence === undefined &&
      edge.evidence === undefined
    ) {
      return head;
    }
    return [
      ...head,
      edge.provenance ?? 0,
      edge.confidence ?? 0,
      edge.evidence ?? 0,
    ] as TabEdge;
  });
  const payload: TabErdPayload = {
    format: TAB_ERD_FORMAT,
    strings: strings.strings,
    tables,
    edges,
    metadata: response.metadata,
    source: response.source,
    warnings: response.warnings,
  };
  if (response.groups) {
    payload.groups = response.groups.map(group => [
      group.name,
      group.node_ids.map(tableOf),
    ]);
  }
  const extras = response.extras;
  if (extras) {
    payload.extras = {};
    if (extras.entityGroup !== undefined)
      payload.extras.entityGroup = extras.entityGroup;
    if (extras.inference !== undefined)
      payload.extras.inference = extras.inference;
    if (extras.keys) {
      const keys: TabKey[] = [];
      for (const [id, tableKeys] of Object.entries(extras.keys)) {
        for (const key of tableKeys) {
          keys.push([
            tableOf(id),
            KEY_KINDS.indexOf(key.kind) as 0 | 1,
            KEY_SOURCES.indexOf(key.source) as 0 | 1 | 2,
            key.columns,
          ]);
        }
      }
      payload.extras.keys = keys;
    }
    const exposures = encodeExposures(
      response.nodes.map(node =>
        nodeDetails && Object.hasOwn(nodeDetails, node.id)
          ? nodeDetails[node.id].exposureEntities
          : undefined,
      ),
      strings,
    );
    if (exposures.length > 0) payload.extras.exposures = exposures;
  }
  return payload;
}

/**
 * The ERD the tab works with, from its payload: the model it always had,
 * with descriptions null and only the package and the exposures that
 * name an entity in each table's details (the drawer fetches the rest). Throws on a payload of another format.
 */
export function decodeTabErd(payload: TabErdPayload): ErdResponse {
  if (payload?.format !== TAB_ERD_FORMAT) {
    throw new Error(
      `the ERD response is not in the ${TAB_ERD_FORMAT} format; reload the page (the backend may have been upgraded)`,
    );
  }
  const { strings } = payload;
  const nodeDetails: Record<string, ErdNodeDetails> = {};
  const nodes = payload.tables.map(
    ([id, name, label, type, database, schema, packageName, flat]): ErdNode => {
      const columns: ErdNode['columns'] = [];
      for (let at = 0; at < flat.length; at += 2) {
        const typeAndFlags = flat[at + 1];
        columns.push({
          name: strings[flat[at]],
          data_type: strings[typeAndFlags >> 2],
          description: null,
          is_primary_key: (typeAndFlags & 1) !== 0,
          is_foreign_key: (typeAndFlags & 2) !== 0,
        });
      }
      if (packageName >= 0) {
        ownEntry(nodeDetails, id, () => ({
          packageName: strings[packageName],
          relationName: null,
          exposures: [],
        }));
      }
      return {
        id,
        name: name === 0 ? id : name,
        label,
        description: null,
        resource_type: strings[type],
        schema_name: strings[schema],
        database: strings[database],
        columns,
        compiled_sql: null,
      };
    },
  );
  const edges = payload.edges.map((tuple): ErdEdge => {
    const [from, to, fromColumns, toColumns, id, name, label, cardinality] =
      tuple;
    const edge: ErdEdge = {
      id,
      from_id: nodes[from].id,
      to_id: nodes[to].id,
      from_columns: fromColumns.map(c => strings[c]),
      to_columns: toColumns.map(c => strings[c]),
      relationship_type: 'fk',
      name: name === 0 ? id : name,
      label,
      cardinality,
    };
    if (tuple.length > 8) {
      const [, , , , , , , , provenance, confidence, evidence] = tuple;
      if (provenance !== 0) edge.provenance = provenance;
      if (evidence !== 0) edge.evidence = evidence;
      if (confidence !== 0) edge.confidence = confidence;
    }
    return edge;
  });
  const response: ErdResponse = {
    nodes,
    edges,
    metadata: payload.metadata,
    source: payload.source,
    warnings: payload.warnings,
  };
  if (payload.groups) {
    response.groups = payload.groups.map(([name, tables]) => ({
      name,
      node_ids: tables.map(at => nodes[at].id),
    }));
  }
  if (payload.extras) {
    const extras: ErdExtras = { nodeDetails };
    if (payload.extras.entityGroup !== undefined)
      extras.entityGroup = payload.extras.entityGroup;
    if (payload.extras.keys) {
      const keys: Record<string, ErdTableKey[]> = {};
      for (const [table, kind, source, columns] of payload.extras.keys) {
        const id = nodes[table].id;
        ownEntry(keys, id, () => []).push({
          columns,
          kind: KEY_KINDS[kind],
          source: KEY_SOURCES[source],
        });
      }
      extras.keys = keys;
    }
    if (payload.extras.inference !== undefined)
      extras.inference = payload.extras.inference;
    for (const [name, entityRef, tables] of payload.extras.exposures ?? []) {
      for (const at of tables) {
        const id = nodes[at].id;
        const details = ownEntry(nodeDetails, id, () => ({
          packageName: '',
          relationName: null,
          exposures: [],
        }));
        (details.exposureEntities ??= []).push({
          entityRef: strings[entityRef],
          via: name,
        });
      }
    }
    response.extras = extras;
  }
  return response;
}
