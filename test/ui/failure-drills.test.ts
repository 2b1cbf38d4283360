// Failure drills in the window: every fault kind the emulator can play, during every user action,
// through the real renderer, handler table, core and keychain. The error must show where it
// happened with the right code (or, for a stop that may still succeed, the pending note); once
// the fault is gone nothing may be left busy ("Stopping VNC…", a spinner, a disabled button) and
// doing the same thing again must work and show the fresh state.
//
// One app per action, reused across the six faults (state is put back between them), so the
// whole file costs five page loads rather than thirty.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright';
import type { Fault } from '../emulator';
import { startAppFixture, type AppFixture } from '../support/app-fixture';
import { startUi, type UiApp, type UiHarness } from './harness';
import { openCluster, success } from './ui-helpers';

/** Short, so a hang costs 1.5 s (3 s for reads, which are retried once). */
const TIMEOUT_MS = 1500;
const CFD = 'ehpc-hz-000001'; // cfd-prod-001: VNC running
const RENDER = 'ehpc-hz-000002'; // render-farm-01: VNC stopped
const LEGACY = 'ehpc-hz-000005'; // legacy-md: renamed to prove a list refresh is fresh
const CIDR = '203.0.113.7';
const ROOT_PASSWORD = 'emu-root-pass-1';
/**
 * How long a busy state may linger after the error shows before it counts as stuck: a bound on
 * a hang, not a window to hit (a loaded machine is slow, not wrong).
 */
const SETTLE_MS = 10_000;
/** Every busy label the window has: "Stopping VNC…", "Checking…", the badge's "Stopping", ... */
const BUSY_WORDS = /…$|^(Stopping|Starting)$/;

interface FaultCase {
  label: string;
  fault: Fault;
  code: string;
}

const FAULTS: FaultCase[] = [
  { label: 'hang (timeout)', fault: { kind: 'hang' }, code: 'Network.Timeout' },
  { label: 'connection reset', fault: { kind: 'reset' }, code: 'Network.Reset' },
  { label: "a proxy's 502 page", fault: { kind: 'html' }, code: 'BadResponse' },
  {
    label: '503 on every attempt',
    fault: { kind: 'error', status: 503, code: 'ServiceUnavailable' },
    code: 'ServiceUnavailable',
  },
  {
    label: '403 ConflictOpt on every attempt',
    fault: { kind: 'error', status: 403, code: 'ConflictOpt' },
    code: 'ConflictOpt',
  },
  {
    label: '407 NotAuthorized',
    fault: { kind: 'error', status: 407, code: 'NotAuthorized', message: 'not authorized' },
    code: 'NotAuthorized',
  },
];

/** Stop failures the core keeps journalled (pending-stops.ts): the UI shows a note, not an error. */
const DEFERRED_STOP_CODES = new Set([
  'Network.Timeout',
  'Network.Reset',
  'BadResponse',
  'ServiceUnavailable',
  'ConflictOpt',
]);

interface Drill {
  name: string;
  apiAction: string;
  /** Opens the app where the action lives; called once per action. */
  open(ui: UiHarness): Promise<UiApp>;
  /** Puts the emulator and the screen back to where the action makes sense (case `n`). */
  arrange(app: UiApp, n: number): Promise<void>;
  /** The action's own control, by its idle name. */
  control(page: Page): Locator;
  /** Where the action's failure must show (an alert, or the pending-stop note). */
  failure(page: Page, code: string): Locator;
  /** After a successful repeat: the screen and the emulator both show the new state. */
  confirm(app: UiApp, n: number): Promise<void>;
}

const vncState = (page: Page) => page.locator('.vnc-state');
const refreshVnc = (page: Page) => page.getByRole('button', { name: 'Refresh VNC status' });
const pendingNote = (page: Page) =>
  page.locator('.notice-warn').filter({ hasText: 'The stop is not confirmed yet.' });

/** Sets the cluster's VNC on the emulator and refreshes until the panel shows it. */
async function showVnc(app: UiApp, clusterId: string, vnc: 'running' | 'stopped'): Promise<void> {
  app.fixture.emulator.setCluster(clusterId, { vnc });
  await refreshVnc(app.page).click();
  await vncState(app.page)
    .getByText(vnc === 'running' ? 'VNC open' : 'VNC closed', { exact: true })
    .waitFor();
}

async function openFixture(ui: UiHarness, prepare?: (f: AppFixture) => void): Promise<UiApp> {
  const fixture = await startAppFixture({ timeoutMs: TIMEOUT_MS });
  prepare?.(fixture);
  return ui.open({ use: fixture });
}

const DRILLS: Drill[] = [
  {
    name: 'refresh VNC status',
    apiAction: 'GetVisualServiceStatus',
    async open(ui) {
      const app = await openFixture(ui);
      await openCluster(app.page, 'cfd-prod-001');
      return app;
    },
    arrange: (app) => showVnc(app, CFD, 'running'),
    control: refreshVnc,
    failure: (page, code) =>
      page.getByRole('region', { name: 'Status' }).getByRole('alert').filter({ hasText: code }),
    async confirm(app) {
      // The repeat is only fresh if it shows what changed on the cluster meanwhile.
      await vncState(app.page).getByText('VNC closed', { exact: true }).waitFor();
    },
  },
  {
    name: 'Start VNC',
    apiAction: 'StartVisualService',
    async open(ui) {
      const app = await openFixture(ui);
      await openCluster(app.page, 'render-farm-01');
      await app.page.getByLabel('Allow connections from (IP or CIDR)').fill(CIDR);
      return app;
    },
    arrange: (app) => showVnc(app, RENDER, 'stopped'),
    control: (page) => page.getByRole('button', { name: 'Start VNC', exact: true }),
    failure: (page, code) =>
      page.getByRole('form', { name: 'Start VNC' }).getByRole('alert').filter({ hasText: code }),
    async confirm({ page, fixture }) {
      await success(page, `VNC started on render-farm-01, reachable from ${CIDR}.`).waitFor();
      await vncState(page).getByText('VNC open', { exact: true }).waitFor();
      expect(fixture.emulator.cluster(RENDER)).toMatchObject({ vnc: 'running', cidrIp: CIDR });
    },
  },
  {
    name: 'Stop VNC',
    apiAction: 'StopVisualService',
    async open(ui) {
      const app = await openFixture(ui, (f) => f.settings.rememberCluster(CFD, { cidrIp: CIDR }));
      await openCluster(app.page, 'cfd-prod-001');
      return app;
    },
    arrange: (app) => showVnc(app, CFD, 'running'),
    control: (page) => page.getByRole('button', { name: 'Stop VNC', exact: true }),
    failure: (page, code) =>
      DEFERRED_STOP_CODES.has(code)
        ? pendingNote(page).filter({ hasText: code })
        : page.locator('.primary-action').getByRole('alert').filter({ hasText: code }),
    async confirm({ page, fixture }) {
      await success(page, 'VNC stopped on cfd-prod-001.').waitFor();
      await vncState(page).getByText('VNC closed', { exact: true }).waitFor();
      await pendingNote(page).waitFor({ state: 'detached' });
      expect(fixture.emulator.cluster(CFD)).toMatchObject({ vnc: 'stopped', stopCidrIp: CIDR });
      expect(fixture.settings.pendingStops()).toEqual([]);
    },
  },
  {
    name: 'Set VNC password',
    apiAction: 'ModifyVisualServicePasswd',
    async open(ui) {
      const app = await openFixture(ui);
      await openCluster(app.page, 'cfd-prod-001');
      await app.page.getByRole('tab', { name: 'VNC password' }).click();
      return app;
    },
    async arrange({ page }, n) {
      // A successful set clears the form, so it is filled afresh every time.
      await page.getByLabel('Password of root on the cluster').fill(ROOT_PASSWORD);
      await page.getByLabel('New VNC password', { exact: true }).fill(`Drill-Pass-${n}x`);
      await page.getByLabel('Confirm new password').fill(`Drill-Pass-${n}x`);
    },
    control: (page) => page.getByRole('button', { name: 'Set password', exact: true }),
    failure: (page, code) =>
      page
        .getByRole('form', { name: 'Set VNC password' })
        .getByRole('alert')
        .filter({ hasText: code }),
    async confirm({ page, fixture }, n) {
      await success(page, 'VNC password set on cfd-prod-001 for root.').waitFor();
      expect(fixture.emulator.cluster(CFD)?.vncPassword).toBe(`Drill-Pass-${n}x`);
    },
  },
  {
    name: 'refresh cluster list',
    apiAction: 'ListClusters',
    async open(ui) {
      const app = await openFixture(ui);
      await app.page.getByRole('button', { name: /^cfd-prod-001\b/ }).waitFor();
      return app;
    },
    async arrange() {},
    control: (page) => page.getByRole('button', { name: 'Refresh cluster list' }),
    failure: (page, code) => page.getByRole('main').getByRole('alert').filter({ hasText: code }),
    async confirm({ page }, n) {
      await page.getByRole('list', { name: 'Clusters' }).getByText(`legacy-md-${n}`).waitFor();
    },
  },
];

let ui: UiHarness;
beforeAll(async () => {
  ui = await startUi();
});
afterAll(async () => {
  await ui?.close();
});

describe.each(DRILLS)('failure drills: $name', { timeout: 30_000 }, (drill) => {
  let app: UiApp;
  beforeAll(async () => {
    app = await drill.open(ui);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it.each(FAULTS.map((f, n) => ({ ...f, n })))('$label', async ({ fault, code, n }) => {
    const { page, fixture } = app;
    const { emulator } = fixture;
    emulator.clearFaults();
    await drill.arrange(app, n);
    const before = emulator.count(drill.apiAction);

    emulator.inject({ action: drill.apiAction, fault });
    await drill.control(page).click();
    const shown = drill.failure(page, code);
    await shown.waitFor();
    expect(emulator.count(drill.apiAction)).toBeGreaterThan(before);
    if (!(await shown.evaluate((el) => el.classList.contains('notice-warn')))) {
      // A full error: what went wrong, in words, and exactly this code.
      expect((await shown.locator('.notice-title').innerText()).length).toBeGreaterThan(5);
      expect(await shown.locator('dd code').first().innerText()).toBe(code);
    }

    // Nothing is left busy once the failure shows.
    await page.locator('.spinner').first().waitFor({ state: 'detached', timeout: SETTLE_MS });
    expect(await page.getByText(BUSY_WORDS).count()).toBe(0);
    expect(await drill.control(page).getAttribute('aria-disabled')).toBeNull();
    expect(fixture.service.getState().busy).toEqual({});

    // Once the fault is gone, the same action works and the screen shows the fresh state.
    emulator.clearFaults();
    if (drill.apiAction === 'GetVisualServiceStatus') emulator.setCluster(CFD, { vnc: 'stopped' });
    if (drill.apiAction === 'ListClusters') emulator.setCluster(LEGACY, { name: `legacy-md-${n}` });
    await drill.control(page).click();
    await drill.confirm(app, n);
    await shown.waitFor({ state: 'detached' });
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByText(BUSY_WORDS).count()).toBe(0);
    await page.locator('.spinner').first().waitFor({ state: 'detached', timeout: SETTLE_MS });
    expect(fixture.service.getState().busy).toEqual({});
    expect(app.problems).toEqual([]);
  });
});
