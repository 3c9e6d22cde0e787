import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';

/** /bench/dependency-graph?entity=bench-2000: the browser bench's peer. */
const dependencyGraphBenchPage = PageBlueprint.make({
  name: 'dependency-graph',
  params: {
    path: '/bench/dependency-graph',
    title: 'Bench: DependencyGraph',
    loader: () =>
      import('./DependencyGraphBenchPage').then(m => (
        <m.DependencyGraphBenchPage />
      )),
  },
});

/**
 * Dev-app-only pages for bench/browser/run.js. Not part of any published
 * plugin: they exist to measure the dbt ERD tab against a peer.
 */
export const benchPlugin = createFrontendPlugin({
  pluginId: 'dbt-erd-bench',
  extensions: [dependencyGraphBenchPage],
});
