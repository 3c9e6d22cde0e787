import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

/**
 * What every browser test starts with: the dev app's URL (scripts/e2e.sh
 * passes it), headless Chromium, and a guest session.
 */
export const APP = process.env.E2E_APP_URL ?? 'http://localhost:3000';

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
    ],
  });

/** A page of a new 1440×1000 context, signed in as a guest (wait for the catalog). */
export async function signedInPage(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 1000 },
    ...options,
  });
  const page = await context.newPage();
  await page.goto(APP);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page
    .getByText('Acme analytics (dbt)')
    .first()
    .waitFor({ timeout: 60_000 });
  return { context, page };
}

/** A context signed in as a guest (see signedInPage); its pages share the session. */
export async function signedInContext(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<BrowserContext> {
  const { context, page } = await signedInPage(browser, options);
  await page.close();
  return context;
}
