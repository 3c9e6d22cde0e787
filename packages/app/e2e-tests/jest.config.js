// Browser tests against the running dev app (scripts/e2e.sh starts it).
// Plain Node environment: the browser is real Chromium, not jsdom.
module.exports = {
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.e2e.test.ts'],
  testEnvironment: 'node',
  transform: {
    '\\.ts$': [
      require.resolve('@backstage/cli/config/jestSwcTransform'),
      {
        module: { ignoreDynamic: true, exportInteropAnnotation: true },
        jsc: { parser: { syntax: 'typescript' } },
      },
    ],
  },
  testTimeout: 120_000,
};
