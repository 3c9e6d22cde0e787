import { DEFAULT_DBTERD_VERSION } from '../engine/buildErd';
import {
  DerivedView,
  DrawnTable,
  erdNodeOf,
  UNKNOWN_COLUMN,
} from '../engine/derivation/DerivedView';
import { exposureLinks } from '../engine/derivation/exposureLinks';
import { groupNodes } from '../engine/naming/entityGroup';
import type { ErdNode } from '../engine/types';
import type { ErdSourceInfo } from './sourceInfo';
import { StringTable } from './StringTable';
import { encodeExposures } from './tabExposures';
import {
  KEY_KINDS,
  KEY_SOURCES,
  TAB_ERD_FORMAT,
  TabEdge,
  TabEdgeHead,
  TabErdPayload,
  TabKey,
  TabTable,
} from './tabPayload';

/** What entity grouping reads of a table: its node without the columns. */
function groupedNode(table: DrawnTable): ErdNode {
  return erdNodeOf(table, [], null);
}

/**
 * The tab's payload of a derived view, written straight from the index:
 * `encodeTabErd` of the view's canonical ERD (`ErdDerivation.build`) with
 * this source, without making that ERD's column, node and edge objects
 * first (on a 5,000-model project they are most of a view's time).
 */
export function encodeTabView(
  view: DerivedView,
  source: ErdSourceInfo,
): TabErdPayload {
  const { index, options, tableAt } = view;
  const strings = new StringTable();
  const columnStrings = view.columnStrings();
  // The index's column string numbers to this payload's, made as first met
  // so that `strings` comes out in encodeTabErd's order.
  const local = new Int32Array(columnStrings.strings.length).fill(-1);
  const of = (id: number) => {
    let at = local[id];
    if (at < 0) local[id] = at = strings.of(columnStrings.strings[id]);
    return at;
  };
  const tables = view.tables.map((table): TabTable => {
    const { node } = table;
    const columns: number[] = [];
    const flags = table.columnFlags;
    let drawn = 0;
    // The payload's flags are the view's: 1 primary key, 2 foreign key.
    const flag = () => flags?.[drawn++] ?? 0;
    if (node.columns.length === 0) {
      columns.push(
        strings.of(UNKNOWN_COLUMN),
        strings.of(UNKNOWN_COLUMN) * 4 + flag(),
      );
    }
    const ids = columnStrings.ids[table.at];
    for (let at = 0; at < node.columns.length; at++) {
      columns.push(of(ids[2 * at]), of(ids[2 * at + 1]) * 4 + flag());
    }
    for (const name of table.addedColumns) {
      columns.push(strings.of(name), strings.of(UNKNOWN_COLUMN) * 4 + flag());
    }
    return [
      node.uniqueId,
      table.name === node.uniqueId ? 0 : table.name,
      node.meta.label,
      strings.of(node.resourceType),
      strings.of(table.database),
      strings.of(table.schema),
      strings.of(node.packageName),
      columns,
    ];
  });
  const edges = view.relationships.map((relationship): TabEdge => {
    const head: TabEdgeHead = [
      tableAt.get(relationship.fromId)!,
      tableAt.get(relationship.toId)!,
      relationship.fromColumns.map(c => strings.of(c)),
      relationship.toColumns.map(c => strings.of(c)),
      relationship.name,
      0,
      relationship.label,
      relationship.cardinality,
    ];
    // As the canonical edge carries them: only when set.
    const provenance = relationship.provenance || undefined;
    const confidence = relationship.confidence || undefined;
    const evidence = relationship.evidence || undefined;
    if (!provenance && !confidence && !evidence) return head;
    return [...head, provenance ?? 0, confidence ?? 0, evidence ?? 0];
  });
  const payload: TabErdPayload = {
    format: TAB_ERD_FORMAT,
    strings: strings.strings,
    tables,
    edges,
    metadata: {
      generated_at: index.generatedAt,
      dbt_project_name: index.projectName,
      dbterd_version: DEFAULT_DBTERD_VERSION,
    },
    source,
    warnings: view.warnings,
  };
  if (options.entityGroup) {
    payload.groups = groupNodes(
      view.tables.map(groupedNode),
      options.entityGroup,
    ).map(group => [group.name, group.node_ids.map(id => tableAt.get(id)!)]);
  }
  payload.extras = {};
  if (options.entityGroup) payload.extras.entityGroup = options.entityGroup;
  if (view.inference) payload.extras.inference = { ...view.inference };
  const keys: TabKey[] = [];
  view.tables.forEach((table, at) => {
    for (const key of view.keys.get(table.node.uniqueId) ?? []) {
      keys.push([
        at,
        KEY_KINDS.indexOf(key.kind) as 0 | 1,
        KEY_SOURCES.indexOf(key.source) as 0 | 1 | 2,
        [...key.columns],
      ]);
    }
  });
  if (keys.length > 0) payload.extras.keys = keys;
  const exposures = encodeExposures(
    view.tables.map(({ node }) => {
      const links = exposureLinks(node, index.exposureEntities);
      return links.length > 0 ? links : undefined;
    }),
    strings,
  );
  if (exposures.length > 0) payload.extras.exposures = exposures;
  return payload;
}
