/**
 * Headless Debian Chromium through playwright-core, as scripts/e2e.sh runs
 * it, plus the person's moves the bench measures: sign in, zoom, pan.
 */
const { chromium } = require('playwright-core');
const { installProbe, framesBetween, pageNow } = require('./probe');

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const VIEWPORT = { width: 1440, height: 1000 };

async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      // performance.memory in bytes, not bucketed; window.gc() for a live-heap reading.
      '--enable-precise-memory-info',
      '--js-flags=--expose-gc',
    ],
  });
}

/** A fresh signed-in page (guest, as the e2e test signs in) with the probe installed. */
async function signedInPage(browser, app) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(installProbe);
  // The dev server's live-reload socket, answered by nobody: an edit
  // elsewhere in the repo mid-run must not reload the page being measured.
  await context.routeWebSocket(/\/ws$/, () => {});
  const page = await context.newPage();
  await page.goto(app);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page
    .getByText('Acme analytics (dbt)')
    .first()
    .waitFor({ timeout: 60_000 });
  return page;
}

/** A point in `container` where the pane itself (not a node) receives the mouse. */
async function panePoint(page, containerSelector, paneSelector) {
  return page.evaluate(
    ([container, pane]) => {
      const box = document.querySelector(container).getBoundingClientRect();
      for (let fy = 0.5; fy < 0.95; fy += 0.05) {
        for (let fx = 0.5; fx < 0.95; fx += 0.05) {
          for (const [x, y] of [
            [box.left + box.width * fx, box.top + box.height * fy],
            [box.left + box.width * (1 - fx), box.top + box.height * (1 - fy)],
          ]) {
            if (document.elementFromPoint(x, y)?.closest(pane)) return { x, y };
          }
        }
      }
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    },
    [containerSelector, paneSelector],
  );
}

/**
 * Drags the view around for `ms` (a slow circle, ~8 px per move, each move
 * waiting for the page to take it) and returns the frames per second the
 * page painted meanwhile (rAF callbacks).
 */
async function panFps(page, start, ms = 2000) {
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  const t0 = await pageNow(page);
  const began = Date.now();
  let angle = 0;
  while (Date.now() - began < ms) {
    angle += 0.08;
    await page.mouse.move(
      start.x + 100 * Math.sin(angle),
      start.y + 100 * (1 - Math.cos(angle)),
    );
    await page.waitForTimeout(8);
  }
  const t1 = await pageNow(page);
  await page.mouse.up();
  return ((await framesBetween(page, t0, t1)) * 1000) / (t1 - t0);
}

/** Mouse-wheel zoom at `at` until `scale()` reaches `target` (or 30 small notches). */
async function wheelZoomTo(page, at, scale, target) {
  await page.mouse.move(at.x, at.y);
  for (let i = 0; i < 30 && (await scale()) < target; i++) {
    await page.mouse.wheel(0, -100);
    await page.waitForTimeout(120);
  }
  return scale();
}

module.exports = { launch, signedInPage, panePoint, panFps, wheelZoomTo };
