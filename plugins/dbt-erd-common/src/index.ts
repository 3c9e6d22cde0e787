/**
 * The dbt ERD engine and the names shared by the dbt-erd plugin packages.
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './permissions';
export * from './engine';
export * from './contract';
