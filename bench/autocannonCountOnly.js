/**
 * Preloaded into the autocannon process of `backend.js` (`node -r`): responses
 * are counted and timed as before, but their bodies are no longer kept as
 * strings. autocannon 8 appends every body chunk to a string
 * (mcollina/autocannon#485); for a gzipped ERD that is a UTF-8 decode of
 * binary bytes, about 1.3 ms of the client's CPU per 70 KB response and 6 to
 * 8 ms per 350 KB one, more than the backend spends answering it, on a
 * machine where client and backend share 2 cores. A browser inflates the
 * gzip natively and never decodes the compressed bytes as text. No option of
 * the bench reads bodies (no verifyBody, expectBody or onResponse).
 */
const path = require('node:path');

const queueModule = path.join(
  path.dirname(
    require.resolve('autocannon/package.json', {
      paths: [path.join(__dirname, '../plugins/dbt-erd-backend')],
    }),
  ),
  'lib/pipelinedRequestsQueue.js',
);
const PipelinedRequestsQueue = require(queueModule);
if (typeof PipelinedRequestsQueue?.prototype?.addBody !== 'function') {
  throw new Error(
    `${queueModule} has no addBody any more: update bench/autocannonCountOnly.js for this autocannon`,
  );
}
PipelinedRequestsQueue.prototype.addBody = function addBody() {};
