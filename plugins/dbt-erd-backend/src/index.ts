/**
 * The dbt-erd backend plugin: builds a dbt project's ERD and serves it per
 * catalog entity.
 *
 * @packageDocumentation
 */
export { dbtErdPlugin as default } from './plugin';
