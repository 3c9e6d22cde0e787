import { Browser, Page } from 'playwright-core';
import { APP, launchChromium, signedInPage } from './browser';

/*
 * Backstage search finds a dbt column: search the demo's `roast_level` on
 * the dev app's search page, open the dbt-table result, land on the ERD tab
 * focused on that table. scripts/e2e.sh starts the app.
 */
describe('searching a dbt column in a real browser', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    ({ page } = await signedInPage(browser));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('finds the products tables by roast_level and opens the ERD tab focused on one', async () => {
    await page.goto(`${APP}/search?query=roast_level`);
    const result = page.getByRole('link', { name: 'dim_products' }).first();
    await result.waitFor({ timeout: 60_000 });
    await expect(
      page.getByText('column: roast_level').first().isVisible(),
    ).resolves.toBe(true);
    await result.click();
    await page.waitForURL(
      /\/dbt-erd\?focus=model\.acme_analytics\.dim_products/,
    );
    const focused = page.locator(
      '[data-testid="erd-node"][data-table-id="model.acme_analytics.dim_products"]',
    );
    await focused.waitFor({ timeout: 60_000 });
  });
});
