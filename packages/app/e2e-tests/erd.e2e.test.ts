import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { buildErd, Erd } from 'backstage-plugin-dbt-erd-common';
import { APP, launchChromium, signedInContext } from './browser';

/*
 * A person's path through the dev app, in real headless Chromium: open the
 * example entity, open its ERD tab, see every table of the demo project,
 * find a column by typing, focus a table, read its columns, download DBML.
 * scripts/e2e.sh starts the app on free ports and passes its URL in
 * E2E_APP_URL; this file drives the browser. Every test opens its own page
 * and starts from a URL, so any one of them can run alone or in any order.
 */
const ROOT = resolve(__dirname, '../../..');
const DEMO = resolve(ROOT, 'examples/dbt/target');
const TAB = `${APP}/catalog/default/component/acme-analytics-dbt/dbt-erd`;
/**
 * Screenshots go to a temporary folder; UPDATE_SCREENSHOTS=true refreshes
 * the README's docs/screenshot.png instead.
 */
const SCREENSHOTS =
  process.env.UPDATE_SCREENSHOTS === 'true'
    ? resolve(ROOT, 'docs')
    : resolve(tmpdir(), 'dbt-erd-e2e-screenshots');

// What the tab must show: the demo project's ERD as the engine builds it.
const demo: Erd = buildErd({
  manifest: JSON.parse(readFileSync(`${DEMO}/manifest.json`, 'utf8')),
  catalog: JSON.parse(readFileSync(`${DEMO}/catalog.json`, 'utf8')),
}).erd;
const tableIds = demo.nodes.map(n => n.id).sort();

/** Tables within one hop (the tab's default focus depth). */
function neighboursOf(id: string): string[] {
  const ids = new Set([id]);
  for (const edge of demo.edges) {
    if (edge.from_id === id) ids.add(edge.to_id);
    if (edge.to_id === id) ids.add(edge.from_id);
  }
  return [...ids].sort();
}

/** The table with the most relationships: the most interesting one to focus. */
const focusTable = [...tableIds].sort(
  (a, b) => neighboursOf(b).length - neighboursOf(a).length,
)[0];
/** A column that exists in exactly one table, to find by typing. */
const uniqueColumn = (() => {
  const owners = new Map<string, string[]>();
  for (const node of demo.nodes) {
    for (const column of node.columns) {
      owners.set(column.name, [...(owners.get(column.name) ?? []), node.id]);
    }
  }
  const [name, [table]] = [...owners].find(([, t]) => t.length === 1)!;
  return { name, table };
})();

describe('the ERD tab in a real browser', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  const renderedTableIds = async () =>
    (
      await page
        .locator('[data-testid="erd-node"]')
        .evaluateAll(nodes => nodes.map(n => n.getAttribute('data-table-id')))
    ).sort();

  const waitForTableCount = (count: number, timeout = 15_000) =>
    page.waitForFunction(
      n => document.querySelectorAll('[data-testid="erd-node"]').length === n,
      count,
      { timeout },
    );
  /** The ERD tab of the demo entity, once every table is drawn. */
  const openTab = async () => {
    await page.goto(TAB);
    await waitForTableCount(tableIds.length, 60_000);
  };

  beforeAll(async () => {
    browser = await launchChromium();
    context = await signedInContext(browser, { acceptDownloads: true });
  });
  beforeEach(async () => {
    page = await context.newPage();
  });
  afterEach(async () => {
    await page?.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens the example entity, then its ERD tab, showing every table of the demo project', async () => {
    await page.goto(APP);
    await page.getByText('Acme analytics (dbt)').first().click();
    await page.getByRole('link', { name: 'ERD', exact: true }).click();
    await page.waitForURL(/\/dbt-erd/);
    await waitForTableCount(tableIds.length, 60_000);
    expect(await renderedTableIds()).toEqual(tableIds);
    await expect(
      page.getByTestId('erd-summary').textContent(),
    ).resolves.toContain(
      `${demo.nodes.length} tables, ${demo.edges.length} relationships`,
    );
    // The README's screenshot, made by this test (see SCREENSHOTS).
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: resolve(SCREENSHOTS, 'screenshot.png') });
  });

  it('finds a column by typing and highlights its table', async () => {
    await openTab();
    const search = page.getByTestId('erd-search');
    await search.click();
    await search.fill(uniqueColumn.name);
    await page.getByRole('listbox', { name: 'Search results' }).waitFor();
    await search.press('Enter');
    await page
      .locator(
        `[data-testid="erd-node"][data-table-id="${uniqueColumn.table}"][data-highlighted="true"]`,
      )
      .waitFor({ timeout: 10_000 });
  });

  it('focuses a table: only it and its neighbours stay, and the drawer lists its columns', async () => {
    await openTab();
    await page
      .locator(`[data-testid="erd-node"][data-table-id="${focusTable}"]`)
      .click();
    await waitForTableCount(neighboursOf(focusTable).length);
    expect(await renderedTableIds()).toEqual(neighboursOf(focusTable));

    const drawer = page.getByTestId('erd-drawer');
    await drawer.waitFor();
    const table = demo.nodes.find(n => n.id === focusTable)!;
    for (const column of table.columns) {
      await expect(
        drawer.getByText(column.name, { exact: true }).first().isVisible(),
      ).resolves.toBe(true);
    }
    await page.keyboard.press('Escape');
    await page.getByText('Show whole diagram').click();
    await waitForTableCount(tableIds.length);
  });

  it('downloads the ERD as DBML', async () => {
    await openTab();
    await page.getByRole('button', { name: /export/i }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Download DBML' }).click(),
    ]);
    const path = await download.path();
    const dbml = readFileSync(path!, 'utf8');
    for (const id of tableIds) {
      expect(dbml).toContain(`Table "${id}"`);
    }
    expect(dbml.match(/^Ref:/gm)?.length).toBe(demo.edges.length);
    expect(download.suggestedFilename()).toMatch(/\.dbml$/);
  });

  it('shows no ERD tab for an entity without dbt annotations', async () => {
    await page.goto(`${APP}/catalog/default/component/orders-service`);
    await page
      .getByRole('link', { name: 'Overview', exact: true })
      .waitFor({ timeout: 30_000 });
    await expect(
      page.getByRole('link', { name: 'ERD', exact: true }).count(),
    ).resolves.toBe(0);
  });
});

describe('hostile names in a real browser', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await (await signedInContext(browser)).newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows markup from dbt descriptions and column names as text and runs none of it', async () => {
    const dialogs: string[] = [];
    page.on('dialog', dialog => {
      dialogs.push(dialog.message());
      return dialog.dismiss();
    });
    await page.goto(
      `${APP}/catalog/default/component/hostile-names-dbt/dbt-erd`,
    );
    const node = page.locator('[data-testid="erd-node"]').first();
    await node.waitFor({ timeout: 60_000 });
    await node.click();
    const drawer = page.getByTestId('erd-drawer');
    await drawer.waitFor();
    // The column name and the description appear literally, as text.
    await drawer
      .getByText('<img src=x onerror=window.__dbtErdXss=1>')
      .first()
      .waitFor();
    // Descriptions come with the drawer's own request (…/erd/tables/:tableId).
    await drawer.getByTestId('erd-drawer-description').waitFor();
    await expect(drawer.textContent()).resolves.toContain(
      '<script>window.__dbtErdXss=1</script>',
    );
    // The docked drawer covers the toolbar's right end; close it as a person would.
    await drawer.getByRole('button', { name: 'Close table details' }).click();
    await page.getByRole('button', { name: 'Table view' }).click();
    await page.getByRole('table', { name: 'Tables' }).waitFor();
    await expect(
      page.evaluate(() => (window as any).__dbtErdXss),
    ).resolves.toBeUndefined();
    await expect(
      page.evaluate(
        () => document.querySelectorAll('img[src="x"], main script').length,
      ),
    ).resolves.toBe(0);
    expect(dialogs).toEqual([]);
  });
});
