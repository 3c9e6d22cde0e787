/**
 * The peer: Backstage's DependencyGraph given the same tables and
 * relationships (packages/app/src/bench, /bench/dependency-graph). Its own
 * browser per size, because past a few hundred nodes it blocks the page
 * for minutes: closing the browser is the only reliable way out.
 */
const {
  launch,
  signedInPage,
  panePoint,
  panFps,
  wheelZoomTo,
} = require('./browser');
const { waitSettled } = require('./probe');

const ERD_URL = /\/api\/dbt-erd\/entities\/[^?]*\/erd(\?|$)/;
const GRAPH = '[data-testid="dependency-graph-bench"] svg#dependency-graph';

const workspaceScale = page => () =>
  page.evaluate(() => {
    const t =
      document.querySelector('#workspace')?.getAttribute('transform') ?? '';
    return Number(/scale\(([\d.e-]+)\)/.exec(t)?.[1] ?? 1);
  });

async function closeWithin(browser, ms) {
  await Promise.race([
    browser.close().catch(() => {}),
    new Promise(r => setTimeout(r, ms)),
  ]);
  const process = browser.process?.();
  if (process && process.exitCode === null) process.kill('SIGKILL');
}

async function measurePeer(app, models, capMs) {
  const browser = await launch();
  try {
    const page = await signedInPage(browser, app);
    const responded = page.waitForResponse(
      r => ERD_URL.test(r.url()) && r.request().method() === 'GET',
      {
        timeout: 240_000,
      },
    );
    await page.goto(`${app}/bench/dependency-graph?entity=bench-${models}`);
    await responded;
    const startedWaiting = Date.now();
    let settled;
    try {
      settled = await waitSettled(page, { ready: 'peer', timeoutMs: capMs });
    } catch (e) {
      if (e.name !== 'TimeoutError') throw e;
      return {
        didNotFinishS: Math.round((Date.now() - startedWaiting) / 1000),
      };
    }
    const arrivedAt = await page.evaluate(() => window.__bench.erdResponses[0]);
    const result = { settledMs: settled.paintedAt - arrivedAt };
    // Its zoom starts at 1 and only zooms in; pan only moves a zoomed view.
    const box = await page.locator(GRAPH).boundingBox();
    await wheelZoomTo(
      page,
      { x: box.x + box.width / 2, y: box.y + box.height / 2 },
      workspaceScale(page),
      3,
    );
    result.panFps = await panFps(page, await panePoint(page, GRAPH, 'svg'));
    return result;
  } finally {
    await closeWithin(browser, 10_000);
  }
}

module.exports = { measurePeer };
