// Arriving where the session's region is not, and from an IPv6 address: the real renderer in
// Chromium against the real handler table and the emulator, seeded with clusters in two regions
// (the emulator finds a cluster only in the region a request names). Connect on a cluster picked
// under "All regions" works in that cluster's region; a detected IPv6 address starts VNC as an
// Ipv6SourceCidrIp rule; `::/0` is put to main's confirmation as 0.0.0.0/0 is.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { StartToConfirm } from '../../main/core/confirmations';
import { elsewhereClusters } from '../emulator';
import { startAppFixture } from '../support/app-fixture';
import { useUiSuite } from './suite';
import { openCluster, success } from './ui-helpers';

const ui = useUiSuite();
const HZ_CLOSED = 'ehpc-hz-000003'; // genomics-closed, cn-hangzhou: VNC stopped

let server: Server | undefined;
/** A stand-in address service on loopback (http is allowed for loopback only). */
async function addressService(answer: string): Promise<string> {
  const s = createServer((_req, res) => res.writeHead(200).end(answer));
  server = s;
  await new Promise<void>((done) => s.listen(0, '127.0.0.1', () => done()));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}/ip`;
}
afterEach(async () => {
  const s = server;
  server = undefined;
  if (s) await new Promise<void>((done) => s.close(() => done()));
});

describe('Connect elsewhere', { timeout: 60_000 }, () => {
  it('connects to a cluster picked under "All regions" in its own region', async () => {
    const app = await ui.open({ fixture: { clusters: elsewhereClusters() } });
    const { page, fixture } = app;
    await page.getByRole('combobox', { name: 'Region' }).selectOption({ label: 'All regions' });
    await page.getByRole('button', { name: /^ml-sh-idle\b/ }).click();
    await page.getByRole('heading', { level: 1, name: 'ml-sh-idle' }).waitFor();
    await page.getByText('Login node: 203.0.113.3:12016').waitFor();
    await page.getByLabel('Allow connections from (IP or CIDR)').fill('198.51.100.7');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();

    await success(
      page,
      'Opening ml-sh-idle in your VNC viewer: vnc://203.0.113.3:12016.',
    ).waitFor();
    expect(fixture.opener.urls).toEqual(['vnc://203.0.113.3:12016']);
    const starts = fixture.emulator.requests.filter((r) => r.action === 'StartVisualService');
    expect(starts.map((r) => r.query.RegionId)).toEqual(['cn-shanghai']);
    const lists = fixture.emulator.requests.filter((r) => r.action === 'ListNodes');
    expect(new Set(lists.map((r) => r.query.RegionId))).toEqual(new Set(['cn-shanghai']));
    expect(fixture.emulator.cluster('ehpc-sh-000002')).toMatchObject({
      vnc: 'running',
      cidrIp: '198.51.100.7',
    });
    expect(app.problems).toEqual([]);
  });

  it('starts VNC for a detected IPv6 address, as an Ipv6SourceCidrIp rule', async () => {
    const url = await addressService('2001:DB8::7\n');
    const fixture = await startAppFixture({ clusters: elsewhereClusters() });
    await fixture.service.setConnectPrefs({ detectUrl: url });
    const app = await ui.open({ use: fixture });
    const { page } = app;
    await openCluster(page, 'genomics-closed');
    await page.getByRole('button', { name: 'Detect my address' }).click();
    const use = page.getByRole('button', { name: 'Use 2001:db8::7/128' });
    await use.waitFor();
    await page.getByText('This is an IPv6 address').waitFor();
    await use.click();
    await page.getByRole('button', { name: 'Start VNC' }).click();

    await success(
      page,
      'VNC started on genomics-closed, reachable from 2001:db8::7/128.',
    ).waitFor();
    const rules = fixture.emulator.cluster(HZ_CLOSED)?.rules ?? [];
    expect(rules.filter((r) => r.PortRange === '12016/12016')).toEqual([
      expect.objectContaining({ Ipv6SourceCidrIp: '2001:db8::7/128', Policy: 'Accept' }),
    ]);
    // Who can reach VNC shows it, as the address this app opened it for.
    const reach = page.getByRole('list', { name: 'Who can reach VNC' });
    await reach.getByText('2001:db8::7/128').waitFor();
    expect(app.problems).toEqual([]);
  });

  it('puts ::/0 to main’s confirmation as wide, and starts nothing on a no', async () => {
    const asked: StartToConfirm[] = [];
    const app = await ui.open({
      fixture: {
        clusters: elsewhereClusters(),
        confirm: {
          confirmStart: async (start) => {
            asked.push(start);
            return false;
          },
          confirmPasswordWithRemembered: async () => false,
        },
      },
    });
    const { page, fixture } = app;
    await openCluster(page, 'genomics-closed');
    await page.getByLabel('Allow connections from (IP or CIDR)').fill('::/0');
    await page.getByRole('button', { name: 'Start VNC' }).click();
    await page.getByRole('alert').filter({ hasText: 'NotConfirmed' }).waitFor();
    expect(asked).toEqual([
      { clusterId: HZ_CLOSED, clusterName: 'genomics-closed', cidrIp: '::/0', wide: true },
    ]);
    expect(fixture.emulator.count('StartVisualService')).toBe(0);
  });
});
