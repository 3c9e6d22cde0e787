import { IndexableDocument } from '@backstage/plugin-search-common';

/** The search document type of a dbt table. */
export const DBT_TABLE_DOCUMENT_TYPE = 'dbt-table';

/**
 * One table of a dbt project, as the search index holds it. `authorization`
 * names the owning entity, so the search backend drops results of entities
 * the searcher may not read (the catalog's read permission).
 */
export interface DbtTableDocument extends IndexableDocument {
  /** dbt unique_id of the table, e.g. `model.acme.fct_orders`. */
  tableId: string;
  resourceType: string;
  schema: string;
  database: string;
  /** Column names, so a result can say which column matched. */
  columns: string[];
  /** The catalog entity whose dbt project holds the table. */
  entityRef: string;
  entityTitle: string;
}
