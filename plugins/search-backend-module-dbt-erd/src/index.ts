/**
 * Search backend module for the dbt-erd plugin: one `dbt-table` document
 * per table of each dbt project, linked to the ERD tab focused on it.
 *
 * @packageDocumentation
 */
export { searchModuleDbtErd as default } from './module';
export { DbtTableCollatorFactory } from './DbtTableCollatorFactory';
export type { DbtTableCollatorOptions } from './DbtTableCollatorFactory';
export { DBT_TABLE_DOCUMENT_TYPE } from './DbtTableDocument';
export type { DbtTableDocument } from './DbtTableDocument';
