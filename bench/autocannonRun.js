/**
 * autocannon against one URL for `backend.js`: 100 connections for 10 s, gzip
 * accepted; prints autocannon's result with `p95` beside its own percentiles
 * (it reports p90 and p97.5, and the targets are p95s), taken from every
 * response's time.
 *   node [-r ./autocannonCountOnly.js] bench/autocannonRun.js <url>
 */
/* eslint-disable no-console */
const path = require('node:path');

const autocannon = require(require.resolve('autocannon', {
  paths: [path.join(__dirname, '../plugins/dbt-erd-backend')],
}));

/** The value below which `share` of the sorted values lie (nearest rank). */
function percentile(sorted, share) {
  if (sorted.length === 0) return NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)
  ];
}

const responseMs = [];
const instance = autocannon(
  {
    url: process.argv[2],
    connections: 100,
    duration: 10,
    headers: { 'accept-encoding': 'gzip' },
  },
  (error, result) => {
    if (error) {
      console.error(error);
      process.exit(1);
    }
    responseMs.sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        ...result,
        latency: {
          ...result.latency,
          p95: Math.round(percentile(responseMs, 0.95)),
        },
      }),
    );
  },
);
instance.on('response', (_client, _status, _bytes, ms) => responseMs.push(ms));
