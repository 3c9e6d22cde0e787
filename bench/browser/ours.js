/**
 * Our ERD tab, per project size: open (ERD response → settled view), pan,
 * zoom to tables and pan again, focus a table with 2 hops, long tasks and
 * heap. One fresh page per size, so heaps and long tasks do not mix.
 */
const { signedInPage, panePoint, panFps, wheelZoomTo } = require('./browser');
const {
  waitSettled,
  frameAfter,
  longestTask,
  heapMb,
  pageNow,
} = require('./probe');

const ERD_URL = /\/api\/dbt-erd\/entities\/[^?]*\/erd(\?|$)/;
const DIAGRAM = '[data-testid="erd-diagram"]';
const PANE = '.react-flow__pane';

/**
 * The ERD the page received, fetched again from Node with the page's token
 * (Chromium evicts large bodies, such as 5,000 tables, from the inspector).
 * After the measurement, so as not to compete with it.
 */
async function refetch(response) {
  const { authorization } = await response.request().allHeaders();
  const again = await fetch(response.url(), {
    headers: authorization ? { authorization } : {},
  });
  if (!again.ok) throw new Error(`refetching the ERD: ${again.status}`);
  return tablesAndEdges(await again.json());
}

/**
 * The tables and relationships of the tab's answer, its compact payload
 * (`encodeTabErd`: tables and edges as tuples, edges naming tables by index).
 */
function tablesAndEdges(payload) {
  if (!payload.tables) return payload;
  const nodes = payload.tables.map(([id]) => ({ id }));
  const edges = payload.edges.map(([from, to]) => ({
    from_id: nodes[from].id,
    to_id: nodes[to].id,
  }));
  return { nodes, edges };
}

/** Tables within `hops` relationships of `id`, as the tab computes them. */
function neighbourhoodSize(erd, id, hops) {
  const ids = new Set(erd.nodes.map(n => n.id));
  const adjacency = new Map([...ids].map(n => [n, new Set()]));
  for (const e of erd.edges) {
    if (!ids.has(e.from_id) || !ids.has(e.to_id)) continue;
    adjacency.get(e.from_id).add(e.to_id);
    adjacency.get(e.to_id).add(e.from_id);
  }
  const seen = new Set([id]);
  let frontier = [id];
  for (let h = 0; h < hops; h++) {
    frontier = frontier.flatMap(n =>
      [...adjacency.get(n)].filter(m => !seen.has(m) && seen.add(m)),
    );
  }
  return seen.size;
}

const viewportScale = page => () =>
  page.evaluate(() => {
    const t =
      document.querySelector('.react-flow__viewport')?.style.transform ?? '';
    return Number(/scale\(([\d.e-]+)\)/.exec(t)?.[1] ?? 0);
  });

/** Tables fully inside the view and not covered, nearest the middle first. */
async function tablesByDistanceFromMiddle(page) {
  return page.evaluate(diagram => {
    const box = document.querySelector(diagram).getBoundingClientRect();
    const cx = box.left + box.width / 2;
    const cy = box.top + box.height / 2;
    const inside = [];
    for (const node of document.querySelectorAll('[data-testid="erd-node"]')) {
      const r = node.getBoundingClientRect();
      const outside =
        r.left < box.left ||
        r.right > box.right ||
        r.top < box.top ||
        r.bottom > box.bottom;
      if (outside) continue;
      // Only tables a click reaches: the docked drawer (open since the
      // last focus) or a panel may cover part of the canvas.
      const x = r.left + r.width / 2;
      const y = r.top + 10;
      if (
        document.elementFromPoint(x, y)?.closest('[data-testid="erd-node"]') !==
        node
      )
        continue;
      const d = Math.hypot(
        r.left + r.width / 2 - cx,
        r.top + r.height / 2 - cy,
      );
      inside.push({
        d,
        id: node.getAttribute('data-table-id'),
        x,
        y,
      });
    }
    return inside.sort((p, q) => p.d - q.d);
  }, DIAGRAM);
}

/**
 * Table titles on the canvas at the first settled view and the share at
 * ≥ 9 px on screen (computed font size × rendered scale), as
 * readability.js measures them.
 */
async function firstViewLabels(page) {
  return page.evaluate(diagram => {
    const canvas = document.querySelector(diagram).getBoundingClientRect();
    const titles = [
      ...document.querySelectorAll('[data-testid="erd-node-title"]'),
    ].filter(t => {
      const r = t.getBoundingClientRect();
      return (
        r.right > canvas.left &&
        r.left < canvas.right &&
        r.bottom > canvas.top &&
        r.top < canvas.bottom
      );
    });
    const legible = titles.filter(t => {
      const scale = t.getBoundingClientRect().height / (t.offsetHeight || 1);
      return parseFloat(getComputedStyle(t).fontSize) * scale >= 9;
    });
    return { firstViewTitles: titles.length, firstViewLegible: legible.length };
  }, DIAGRAM);
}

const FOCUS_RUNS = 3;
const MIN_FOCUS = 5;

/**
 * Mouse-wheel zoom at the middle of the diagram to just past ×0.6: the
 * overview draws tables from there (MAP_ZOOM), so this is the view with the
 * most tables on screen, the hardest to pan.
 */
async function zoomToTables(page) {
  const box = await page.locator(DIAGRAM).boundingBox();
  const zoom = await wheelZoomTo(
    page,
    { x: box.x + box.width / 2, y: box.y + box.height / 2 },
    viewportScale(page),
    0.6,
  );
  await waitSettled(page, { ready: 'erd', timeoutMs: 30_000 });
  return zoom;
}

async function measureOurs(browser, app, models, { cpuSlowdown = 1 } = {}) {
  const page = await signedInPage(browser, app);
  if (cpuSlowdown > 1) {
    // After signing in: only the tab's own work is slowed, as on a slower machine.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  }
  try {
    const responded = page.waitForResponse(
      r => ERD_URL.test(r.url()) && r.request().method() === 'GET',
      {
        timeout: 240_000,
      },
    );
    // hops=2 in the link: clicking a table later focuses it with 2 hops.
    await page.goto(
      `${app}/catalog/default/component/bench-${models}/dbt-erd?hops=2`,
    );
    const response = await responded;
    const open = await waitSettled(page, { ready: 'erd', timeoutMs: 120_000 });
    const erd = await refetch(response);
    const b = await page.evaluate(() => ({
      arrivedAt: window.__bench.erdResponses[0],
      firstNodeAt: window.__bench.firstNodeAt,
    }));
    const firstPaintAt = await frameAfter(page, b.firstNodeAt);
    const labels = await firstViewLabels(page);
    const result = {
      tables: erd.nodes.length,
      relationships: erd.edges.length,
      settledMs: open.paintedAt - b.arrivedAt,
      firstPaintMs: firstPaintAt - b.arrivedAt,
      openLongestTaskMs: await longestTask(page, b.arrivedAt, open.now),
      openMaxFrameGapMs: await page.evaluate(
        ([a, z]) => {
          const f = window.__bench.frames.filter(t => t >= a && t <= z);
          return f.slice(1).reduce((max, t, i) => Math.max(max, t - f[i]), 0);
        },
        [b.arrivedAt, open.now],
      ),
      heapOpenMb: await heapMb(page),
      ...labels,
    };
    // Page times at which each step began, to say which step the longest task belongs to.
    const steps = [['open', firstPaintAt]];
    const step = async name => steps.push([name, await pageNow(page)]);

    // Pan the fitted overview, then zoomed in to where tables are drawn.
    await step('pan overview');
    result.panFittedFps = await panFps(
      page,
      await panePoint(page, DIAGRAM, PANE),
    );
    await step('zoom in');
    result.tableZoom = await zoomToTables(page);
    await step('pan tables');
    result.panTablesFps = await panFps(
      page,
      await panePoint(page, DIAGRAM, PANE),
    );
    await waitSettled(page, { ready: 'erd', timeoutMs: 30_000 });

    // Focus a table near the middle (2 hops): click → its neighbourhood
    // settled. Three different tables with at least MIN_FOCUS tables within
    // 2 hops, back to the overview in between; the median is reported.
    const focus = [];
    const used = new Set();
    for (let run = 0; run < FOCUS_RUNS; run++) {
      if (run > 0) {
        await step('back to overview');
        await page.getByText('Show whole diagram').click();
        await waitSettled(page, { ready: 'erd', timeoutMs: 60_000 });
        await zoomToTables(page);
      }
      const candidates = await tablesByDistanceFromMiddle(page);
      const target = candidates.find(
        c => !used.has(c.id) && neighbourhoodSize(erd, c.id, 2) >= MIN_FOCUS,
      );
      if (!target)
        throw new Error(`no table to focus among ${candidates.length} in view`);
      used.add(target.id);
      await step('focus');
      const tables = neighbourhoodSize(erd, target.id, 2);
      await page.mouse.click(target.x, target.y);
      const focused = await waitSettled(page, {
        ready: 'erdTables',
        arg: tables,
        timeoutMs: 30_000,
      }).catch(async e => {
        const shown = await page.locator('[data-testid="erd-node"]').count();
        throw new Error(
          `focus on ${target.id}: expected ${tables} tables, ${shown} shown: ${e.message}`,
        );
      });
      const clickedAt = await page.evaluate(
        () => window.__bench.clicks[window.__bench.clicks.length - 1],
      );
      // The long tasks of this focus, as [ms after the click, duration]: which part is slow.
      const tasks = await page.evaluate(
        ([a, z]) =>
          window.__bench.longtasks
            .filter(([t]) => t >= a - 1 && t <= z)
            .map(([t, d]) => [Math.round(t - a), Math.round(d)]),
        [clickedAt, focused.paintedAt],
      );
      focus.push({ tables, ms: focused.paintedAt - clickedAt, tasks });
    }
    if (focus.length) {
      const median = [...focus].sort((a, b) => a.ms - b.ms)[
        Math.floor(focus.length / 2)
      ];
      result.focusMs = median.ms;
      result.focusTables = median.tables;
      result.focusRuns = focus;
    }
    result.longestTaskAfterFirstPaintMs = await longestTask(page, firstPaintAt);
    await step('end');
    result.longestTaskBySteps = {};
    for (let i = 0; i + 1 < steps.length; i++) {
      const [name, from] = steps[i];
      const ms = await longestTask(page, from, steps[i + 1][1]);
      result.longestTaskBySteps[name] = Math.max(
        result.longestTaskBySteps[name] ?? 0,
        ms,
      );
    }
    result.heapMb = Math.max(result.heapOpenMb, await heapMb(page));
    result.responsiveMs = await (async () => {
      const t = Date.now();
      await page.evaluate(() => 0);
      return Date.now() - t;
    })();
    return result;
  } finally {
    await page.context().close();
  }
}

module.exports = { measureOurs };
