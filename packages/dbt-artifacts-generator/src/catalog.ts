import type { ProjectContext } from './context';
import type { ColumnSpec } from './projectSpec';

/** Builders of catalog.json entries: what the warehouse reports about each relation. */

const NO_STATS = {
  has_stats: {
    id: 'has_stats',
    label: 'Has Stats?',
    value: false,
    include: false,
    description: 'Indicates whether there are statistics for this table',
  },
};

export function buildCatalogEntry(
  ctx: ProjectContext,
  uniqueId: string,
  relation: { schema: string; name: string; type: 'BASE TABLE' | 'VIEW' },
  columns: ColumnSpec[],
) {
  const catalogColumns: Record<string, unknown> = {};
  columns.forEach((column, i) => {
    catalogColumns[column.name] = {
      type: column.type,
      index: i + 1,
      name: column.name,
      comment: null,
    };
  });
  return {
    metadata: {
      type: relation.type,
      schema: relation.schema,
      name: relation.name,
      database: ctx.spec.database,
      comment: null,
      owner: 'transformer',
    },
    columns: catalogColumns,
    stats: NO_STATS,
    unique_id: uniqueId,
  };
}
