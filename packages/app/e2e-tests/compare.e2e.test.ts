import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { APP, launchChromium, signedInPage } from './browser';

/*
 * Reviewing a change in the ERD tab, in real headless Chromium: the entity
 * on the fake dbt Cloud (scripts/fake-dbt-cloud.js, started by
 * scripts/e2e.sh) has job 1 with two runs, the earlier one still holding
 * stg_refunds and its relationship to stg_orders and lacking
 * fct_daily_revenue. Compare with the previous run; see the removed table
 * and relationship drawn as red ghosts, the added table in green, the
 * change list, and an entry of it focusing the diagram.
 */
const TAB = `${APP}/catalog/default/component/acme-analytics-dbt-cloud/dbt-erd`;
/** UPDATE_SCREENSHOTS=true refreshes the README's docs/screenshot-compare.png. */
const SCREENSHOT =
  process.env.UPDATE_SCREENSHOTS === 'true'
    ? resolve(__dirname, '../../../docs/screenshot-compare.png')
    : resolve(tmpdir(), 'dbt-erd-e2e-screenshots', 'compare.png');
const id = (name: string) => `model.acme_analytics.${name}`;
/** Recce's "removed" colour, as the diff styles draw it. */
const REMOVED_RGB = 'rgb(255, 6, 126)';

const flowNode = (page: Page, status: string, tableId: string) =>
  page.locator(
    `.react-flow__node.erd-diff-${status} [data-testid="erd-node"][data-table-id="${tableId}"]`,
  );

describe('comparing two dbt Cloud runs in the ERD tab', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    ({ page } = await signedInPage(browser, { acceptDownloads: true }));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('compares with the previous run: removed in red as ghosts, added in green, a change list that focuses', async () => {
    await page.goto(TAB);
    await page
      .locator(`[data-testid="erd-node"][data-table-id="${id('stg_orders')}"]`)
      .waitFor({ timeout: 90_000 });

    await page.getByRole('button', { name: 'Compare with…' }).click();
    await page.getByRole('button', { name: 'Previous run' }).click();
    await page.waitForURL(/[?&]compare=previous/);

    // The removed table is drawn in place, dashed red; its relationship too.
    const ghost = flowNode(page, 'removed', id('stg_refunds'));
    await ghost.waitFor({ timeout: 60_000 });
    const ghostBorder = await ghost.evaluate(n => {
      const style = getComputedStyle(n);
      return `${style.borderTopStyle} ${style.borderTopColor}`;
    });
    expect(ghostBorder).toBe(`dashed ${REMOVED_RGB}`);
    await expect(
      flowNode(page, 'added', id('fct_daily_revenue')).count(),
    ).resolves.toBe(1);
    await expect(
      flowNode(page, 'changed', id('stg_orders')).count(),
    ).resolves.toBe(1);
    const removedEdges = page.locator(
      '.react-flow__edge.erd-diff-removed .react-flow__edge-path',
    );
    await expect(removedEdges.count()).resolves.toBe(1);
    await expect(
      removedEdges.first().evaluate(p => getComputedStyle(p).stroke),
    ).resolves.toBe(REMOVED_RGB);

    const changes = page.getByRole('complementary', { name: 'Changes' });
    await expect(
      changes.getByTestId('erd-diff-summary').innerText(),
    ).resolves.toMatch(
      /Compared with dbt Cloud run 1 \(job 1\): tables \+1 −1 ~1, columns \+0 −0 ~1, relationships \+0 −1 ~0/,
    );
    const items = await changes.getByTestId('erd-change').allInnerTexts();
    expect(items.map(i => i.replace(/\s+/g, ' ').trim())).toEqual([
      'Removed table: stg_refunds',
      'Removed relationship: stg_refunds.order_id → stg_orders.order_id table stg_refunds removed',
      'Changed table: stg_orders status: data_type varchar → text',
      'Added table: fct_daily_revenue',
    ]);

    // Changes only: the changed tables and their neighbours, no more.
    await page.getByRole('checkbox', { name: 'Changes only' }).check();
    await page.waitForURL(/[?&]changes=only/);
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="erd-node"]').length < 14,
    );
    const drawn = await page
      .locator('[data-testid="erd-node"]')
      .evaluateAll(nodes => nodes.map(n => n.getAttribute('data-table-id')));
    expect(drawn).toEqual(
      expect.arrayContaining(
        ['stg_refunds', 'stg_orders', 'fct_daily_revenue'].map(id),
      ),
    );
    expect(drawn).not.toContain(id('dim_products'));
    await page.screenshot({ path: SCREENSHOT });

    // The Markdown for a pull-request comment comes from the backend.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      changes.getByRole('button', { name: 'Markdown' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('erd-diff.md');
    const markdown = await readFile((await download.path())!, 'utf8');
    expect(markdown).toContain(
      'stg_refunds.order_id → stg_orders.order_id (removed: table stg_refunds removed)',
    );

    await changes.getByText('Added table: fct_daily_revenue').click();
    await page.waitForURL(/[?&]focus=model\.acme_analytics\.fct_daily_revenue/);
    await expect(
      page.getByRole('navigation', { name: 'Focus' }).innerText(),
    ).resolves.toContain('fct_daily_revenue');
    expect(page.url()).toContain('compare=previous');
  });
});
