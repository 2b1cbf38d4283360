// The set-up every UI test file shares: one browser and page server for the file, and each
// test's app (browser context + core fixture) closed after the test, whatever it asserted.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startUi, type UiApp, type UiHarness } from './harness';

export function useUiSuite(): Pick<UiHarness, 'open'> {
  let ui: UiHarness | undefined;
  const opened: UiApp[] = [];
  beforeAll(async () => {
    ui = await startUi();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((app) => app.close()));
  });
  afterAll(async () => {
    await ui?.close();
  });
  return {
    async open(opts) {
      if (!ui) throw new Error('useUiSuite().open() runs inside a test, after beforeAll');
      const app = await ui.open(opts);
      opened.push(app);
      return app;
    },
  };
}
