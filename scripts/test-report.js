/**
 * The report of scripts/test-all.sh: every suite that was meant to run, by
 * name, with what it gave; then the one summary line CI parses:
 *   All suites: N passed, N failed, N skipped
 * A suite that was meant to run and gave no results counts as failed (with
 * the tests it holds, when they can be counted); a suite left out on purpose
 * (SKIP_E2E=true, ../shared missing) counts as skipped with the tests it
 * hides. Exits 0 only when nothing failed and every suite meant to run ran.
 *
 *   node scripts/test-report.js <results dir>
 * The results dir holds what test-all.sh collected: jest.json and jest.rc
 * (the Jest projects), e2e.json / e2e.rc / e2e-reason / e2e-skipped and
 * e2e-listed.json (the browser suite), selected (arguments narrowed the run).
 */
/* eslint-disable no-console */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const dir = process.argv[2];
const read = file => {
  try {
    return fs.readFileSync(path.join(dir, file), 'utf8').trim();
  } catch {
    return undefined;
  }
};
const readJson = file => {
  const text = read(file);
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The tests that read ../shared/dbterd-samples, counted with it present
 * (runCli.conformance 15 cases + 1, engine conformance 15 + 1,
 * buildErdFromBytes 15, indexManifestBytes.samples 4 samples x 4). Without
 * the folder they cannot be counted from it, hence the figure here; keep it
 * in step when such tests are added.
 */
const TESTS_NEEDING_SHARED = 63;
const SHARED = path.resolve(ROOT, '../shared/dbterd-samples/cases.json');

/** Whether a folder holds a Jest test file (node_modules and dist aside). */
function hasTestFiles(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .some(entry =>
      entry.isDirectory()
        ? !['node_modules', 'dist', 'dist-types'].includes(entry.name) &&
          hasTestFiles(path.join(dir, entry.name))
        : /\.test\.[cm]?[jt]sx?$/.test(entry.name),
    );
}

/**
 * Every workspace package that has Jest tests: the projects `repo test` runs
 * (a package without test files is none).
 */
function jestProjects() {
  const rootPackage = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'),
  );
  const projects = [];
  for (const pattern of rootPackage.workspaces) {
    const base = path.join(ROOT, pattern.replace(/\/\*$/, ''));
    for (const name of fs.readdirSync(base).sort()) {
      const file = path.join(base, name, 'package.json');
      if (!fs.existsSync(file)) continue;
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
      const src = path.join(base, name, 'src');
      if (
        /backstage-cli package test/.test(pkg.scripts?.test ?? '') &&
        fs.existsSync(src) &&
        hasTestFiles(src)
      ) {
        projects.push({ name: pkg.name, dir: path.join(base, name) });
      }
    }
  }
  return projects;
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
const report = (verdict, name, detail) =>
  lines.push(`${verdict.padEnd(7)} ${name}: ${detail}`);
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Counts one Jest JSON result, names its failures and skips; returns its counts. */
function countResult(result, label) {
  const counts = { passed: 0, failed: 0, skipped: 0, files: 0 };
  for (const file of result.testResults) {
    counts.files += 1;
    const where = path.relative(ROOT, file.name);
    const tests = file.assertionResults ?? [];
    if (file.status === 'failed' && !tests.some(t => t.status === 'failed')) {
      // The file failed outside any test (did not compile, a hook threw).
      counts.failed += 1;
      const why = (file.message || 'failed to run').split('\n').find(Boolean);
      report('FAILED', `${label} ${where}`, why);
    }
    for (const test of tests) {
      if (test.status === 'passed') counts.passed += 1;
      else if (test.status === 'failed') {
        counts.failed += 1;
        report('FAILED', `${label} ${where}`, test.fullName);
      } else {
        counts.skipped += 1;
        report('skipped', `${label} ${where}`, test.fullName);
      }
    }
  }
  return counts;
}

function add(counts) {
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
}

// The Jest projects.
const jest = readJson('jest.json');
const jestRc = Number(read('jest.rc') ?? 1);
const narrowed = read('selected') === 'true';
if (!jest) {
  for (const project of jestProjects()) {
    report('FAILED', project.name, 'Jest gave no results');
    totals.failed += 1;
  }
} else {
  const byProject = new Map(jestProjects().map(p => [p, { testResults: [] }]));
  for (const file of jest.testResults) {
    const project = [...byProject.keys()].find(p =>
      file.name.startsWith(p.dir + path.sep),
    );
    if (project) byProject.get(project).testResults.push(file);
    else {
      // A test file outside the known projects still counts.
      byProject.set(
        { name: path.relative(ROOT, file.name), dir: '' },
        {
          testResults: [file],
        },
      );
    }
  }
  for (const [project, result] of byProject) {
    if (result.testResults.length === 0) {
      if (narrowed) continue;
      report(
        'FAILED',
        project.name,
        'no test results (the project did not run)',
      );
      totals.failed += 1;
      continue;
    }
    const counts = countResult(result, project.name);
    add(counts);
    report(
      counts.failed ? 'FAILED' : 'passed',
      project.name,
      `${plural(counts.files, 'file')}, ${counts.passed} passed, ${
        counts.failed
      } failed, ${counts.skipped} skipped`,
    );
  }
  const failedInJson = jest.numFailedTests + jest.numRuntimeErrorTestSuites;
  if (jestRc !== 0 && failedInJson === 0) {
    report('FAILED', 'jest', `exited with code ${jestRc} with no failing test`);
    totals.failed += 1;
  }
}

// Tests that read ../shared: without it, each file reports one skipped
// placeholder; the report counts the tests they stand for instead.
if (!fs.existsSync(SHARED)) {
  const placeholders = (jest?.testResults ?? [])
    .flatMap(f => f.assertionResults ?? [])
    .filter(t => t.status !== 'passed' && t.status !== 'failed')
    .filter(t => t.fullName.includes('../shared')).length;
  report(
    'skipped',
    '../shared/dbterd-samples',
    `not found beside the repository: ${TESTS_NEEDING_SHARED} conformance and sample tests not run`,
  );
  totals.skipped += TESTS_NEEDING_SHARED - placeholders;
}

// The browser suite.
const BROWSER = 'browser tests (packages/app/e2e-tests)';
const listed = readJson('e2e-listed.json');
const browserTests = listed ? listed.numTotalTests : undefined;
const hidden =
  browserTests === undefined ? 'its tests' : plural(browserTests, 'test');
const e2e = readJson('e2e.json');
if (read('e2e-skipped')) {
  report('skipped', BROWSER, `${read('e2e-skipped')}: ${hidden} not run`);
  totals.skipped += browserTests ?? 1;
} else if (!e2e || e2e.numTotalTests === 0) {
  const why = read('e2e-reason') ?? 'gave no results';
  report('FAILED', BROWSER, `did not run: ${why}; ${hidden} not run`);
  totals.failed += browserTests || 1;
} else {
  const counts = countResult(e2e, 'browser');
  add(counts);
  if (Number(read('e2e.rc') ?? 1) !== 0 && counts.failed === 0) {
    report(
      'FAILED',
      BROWSER,
      `exited with code ${read('e2e.rc')} with no failing test`,
    );
    totals.failed += 1;
  } else {
    report(
      counts.failed ? 'FAILED' : 'passed',
      BROWSER,
      `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`,
    );
  }
}

console.log('\nSuites:');
for (const line of lines) console.log(`  ${line}`);
console.log(
  `\nAll suites: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`,
);
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
