// One screenshot as a person would see the page: fonts loaded, and without the developer
// endpoint's badge. The harness reaches the emulator through that endpoint, which users never
// have; the badge (App.tsx) is hidden through the CSSOM, which the page's CSP allows (an
// injected style sheet it refuses).
import type { Page } from 'playwright';

export async function screenshotPage(page: Page, path: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page
    .getByTestId('dev-endpoint')
    .evaluateAll((badges) => badges.forEach((b) => ((b as HTMLElement).style.display = 'none')));
  await page.screenshot({ path });
}
