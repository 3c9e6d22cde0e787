/**
 * Node.js side of the dbt ERD plugin: artifact readers, the dbt Cloud client
 * and the dbt-erd command line.
 *
 * @packageDocumentation
 */
export * from './errors';
export * from './readArtifactsDirectory';
export * from './parseArtifactJson';
export * from './cloud';
