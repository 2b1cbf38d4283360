// Steps several UI tests share, phrased as a user would do them.
import type { Locator, Page } from 'playwright';

/** The text of an element once it is visible. */
export async function textOf(locator: Locator): Promise<string> {
  await locator.waitFor();
  return (await locator.innerText()).trim();
}

/** Searches the cluster list and opens the one cluster whose row names `name`. */
export async function openCluster(page: Page, name: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search clusters' }).fill(name);
  await page.getByRole('button', { name: new RegExp(`^${name}\\b`) }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** The live region that announces a successful action. */
export function success(page: Page, text: string | RegExp): Locator {
  return page.getByRole('status').filter({ hasText: text });
}

/** The alert showing an error with this code. */
export function errorAlert(page: Page, code: string): Locator {
  return page.getByRole('alert').filter({ hasText: code });
}
