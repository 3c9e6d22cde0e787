/**
 * In-page instrumentation, injected before any app script runs
 * (page.addInitScript): long tasks, every animation frame, DOM mutations,
 * the ERD request's resource timing and click times. All times are the
 * page's performance.now() clock, so they compare with each other exactly.
 */
function installProbe() {
  if (window.top !== window || window.__bench) return;
  const b = (window.__bench = {
    longtasks: [], // [start, duration]
    frames: [], // rAF timestamps
    erdResponses: [], // responseEnd of each /erd request
    lastMutation: 0,
    firstNodeAt: 0, // first diagram node (React Flow or DependencyGraph) in the DOM
    clicks: [],
  });
  performance.setResourceTimingBufferSize(100000);
  new PerformanceObserver(list => {
    for (const e of list.getEntries())
      b.longtasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) {
      if (/\/erd(\?|$)/.test(e.name)) b.erdResponses.push(e.responseEnd);
    }
  }).observe({ type: 'resource', buffered: true });
  const tick = t => {
    b.frames.push(t);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const observe = () =>
    new MutationObserver(() => {
      b.lastMutation = performance.now();
      if (
        !b.firstNodeAt &&
        document.querySelector('.react-flow__node, [data-testid="node"]')
      ) {
        b.firstNodeAt = b.lastMutation;
      }
    }).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  observe();
  addEventListener('click', e => b.clicks.push(e.timeStamp), true);
  // What "ready" means per view; waitSettled adds the quiet period.
  b.ready = {
    /** The ERD tab: layout fitted, nothing pending, something drawn. */
    erd: () =>
      !!document.querySelector(
        '[data-testid="erd-diagram"][data-settled="true"] .react-flow__node',
      ),
    /** The ERD tab laid out with exactly `count` tables (a focused neighbourhood; drawn or culled). */
    erdTables: count =>
      document
        .querySelector('[data-testid="erd-diagram"][data-settled="true"]')
        ?.getAttribute('data-table-count') === String(count),
    /** The DependencyGraph bench page, every node drawn and its SVG shown. */
    peer: () =>
      !!document.querySelector(
        '[data-testid="dependency-graph-bench"][data-settled="true"]',
      ),
  };
}

/**
 * Waits (in Node) for a settled view: `__bench.ready[ready](arg)` true in the page, no DOM
 * change for `quietMs` and frames flowing. Returns the page time of the
 * first frame after the last DOM change, i.e. when the settled view was
 * painted, and how many diagram nodes it shows.
 */
async function waitSettled(page, { ready, arg, quietMs = 100, timeoutMs }) {
  const handle = await page.waitForFunction(
    ([name, readyArg, quiet]) => {
      const b = window.__bench;
      const now = performance.now();
      const lastFrame = b.frames[b.frames.length - 1] ?? 0;
      if (
        !b.ready[name](readyArg) ||
        now - b.lastMutation < quiet ||
        now - lastFrame > 50
      )
        return false;
      const paintedAt = b.frames.find(t => t >= b.lastMutation) ?? lastFrame;
      return { paintedAt, now };
    },
    [ready, arg, quietMs],
    { polling: 20, timeout: timeoutMs },
  );
  return handle.jsonValue();
}

/** Frames per second counted in the page between two page times. */
async function framesBetween(page, from, to) {
  return page.evaluate(
    ([a, z]) => window.__bench.frames.filter(t => t > a && t <= z).length,
    [from, to],
  );
}

/** The first frame painted at or after page time `t`. */
async function frameAfter(page, t) {
  return page.evaluate(at => window.__bench.frames.find(f => f >= at), t);
}

const pageNow = page => page.evaluate(() => performance.now());

/** Longest task that started in [from, to) (page times), in ms. */
async function longestTask(page, from, to = Infinity) {
  return page.evaluate(
    ([a, z]) =>
      window.__bench.longtasks
        .filter(([start]) => start >= a && start < z)
        .reduce((max, [, d]) => Math.max(max, d), 0),
    [from, to],
  );
}

/** Live JS heap after a full GC (needs --js-flags=--expose-gc and precise memory info). */
async function heapMb(page) {
  return page.evaluate(() => {
    if (window.gc) window.gc();
    return performance.memory.usedJSHeapSize / 2 ** 20;
  });
}

module.exports = {
  installProbe,
  waitSettled,
  framesBetween,
  frameAfter,
  pageNow,
  longestTask,
  heapMb,
};
