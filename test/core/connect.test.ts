// Arriving, in the core: the pure rules (which URL may be opened, which answer is an address),
// login nodes read from the emulator's ListNodes over real HTTP, and Connect through the real
// AppService (start when stopped, open, copy the address or the remembered password).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../main/core/app-error';
import { parseAddressAnswer } from '../../main/core/address-detection';
import { targetFor } from '../../main/core/connect-target';
import { EhpcClient } from '../../main/core/ehpc/client';
import { toLoginNode } from '../../main/core/ehpc/node-mapper';
import { isAllowedDetectUrl, isPublicIp, parseIpv6 } from '../../preload/shared/ip-address';
import { isAllowedVncUrl, vncAddress, vncUrl } from '../../preload/shared/vnc-url';
import { EMULATOR_KEY, startEmulator, type Emulator } from '../emulator';
import { startAppFixture, type AppFixture } from '../support/app-fixture';

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    const err = e as AppError;
    return err.variant ? `${err.code}/${err.variant}` : err.code;
  }
  throw new Error('expected a failure');
}

describe('the vnc:// URL the shell may open', () => {
  it('accepts exactly vnc://<ip>:12016 and a known host', () => {
    expect(vncUrl('203.0.113.7')).toBe('vnc://203.0.113.7:12016');
    expect(vncUrl('2001:db8::7')).toBe('vnc://[2001:db8::7]:12016');
    expect(vncAddress('203.0.113.7')).toBe('203.0.113.7:12016');
    expect(isAllowedVncUrl('vnc://203.0.113.7:12016')).toBe(true);
    expect(isAllowedVncUrl('vnc://[2001:db8::7]:12016')).toBe(true);
    expect(isAllowedVncUrl('vnc://login0:12016', ['login0'])).toBe(true);
  });

  it.each([
    'vnc://203.0.113.7',
    'vnc://203.0.113.7:5900',
    'vnc://user@203.0.113.7:12016',
    'vnc://user:pw@203.0.113.7:12016',
    'vnc://203.0.113.7:12016/',
    'vnc://203.0.113.7:12016?password=x',
    'vnc://203.0.113.7:12016#x',
    'VNC://203.0.113.7:12016',
    'http://203.0.113.7:12016',
    'file:///etc/passwd',
    'vnc://evil.example.com:12016',
    'vnc://login0:12016',
    'vnc://[203.0.113.7]:12016',
    'vnc://256.0.113.7:12016',
    ' vnc://203.0.113.7:12016',
    'vnc://203.0.113.7:12016\n',
  ])('refuses %j', (url) => {
    expect(isAllowedVncUrl(url, ['cluster-login'])).toBe(false);
  });
});

describe('addresses', () => {
  it('tells public addresses from private, local and reserved ones', () => {
    for (const ip of ['8.8.8.8', '47.96.1.2', '203.0.113.7', '2408:4000::1']) {
      expect(isPublicIp(ip), ip).toBe(true);
    }
    for (const ip of [
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '127.0.0.1',
      '169.254.1.1',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      'fe80::1',
      'fd00::1',
      '::',
    ]) {
      expect(isPublicIp(ip), ip).toBe(false);
    }
    expect(parseIpv6('1:2:3:4:5:6:7:8:9')).toBeNull();
    expect(parseIpv6('1::2::3')).toBeNull();
  });

  it('accepts one public address as the detection answer, as /32 or /128', () => {
    expect(parseAddressAnswer('198.51.100.23\n')).toEqual({
      address: '198.51.100.23',
      cidrIp: '198.51.100.23/32',
      family: 4,
    });
    expect(parseAddressAnswer(' 2408:4000::1 ')).toEqual({
      address: '2408:4000::1',
      cidrIp: '2408:4000::1/128',
      family: 6,
    });
  });

  it.each([
    ['', 'AddressDetection/badAnswer'],
    ['<html><body>198.51.100.23</body></html>', 'AddressDetection/badAnswer'],
    ['198.51.100.23\n198.51.100.24', 'AddressDetection/badAnswer'],
    ['198.51.100.23, 198.51.100.24', 'AddressDetection/badAnswer'],
    ['{"ip":"198.51.100.23"}', 'AddressDetection/badAnswer'],
    ['198.51.100', 'AddressDetection/badAnswer'],
    ['192.168.1.10', 'AddressDetection/notPublic'],
    ['127.0.0.1', 'AddressDetection/notPublic'],
  ])('refuses the answer %j', (answer, code) => {
    expect(codeOf(() => parseAddressAnswer(answer))).toBe(code);
  });

  it('asks only https URLs, or http on this computer', () => {
    expect(isAllowedDetectUrl('https://ip.example.com/')).toBe(true);
    expect(isAllowedDetectUrl('http://127.0.0.1:8080/ip')).toBe(true);
    expect(isAllowedDetectUrl('http://ip.example.com/')).toBe(false);
    expect(isAllowedDetectUrl('https://user:pw@ip.example.com/')).toBe(false);
    expect(isAllowedDetectUrl('file:///etc/hosts')).toBe(false);
    expect(isAllowedDetectUrl('not a url')).toBe(false);
  });
});

describe('login nodes', () => {
  it('reads the documented public field, falls back to an EIP field, drops non-addresses', () => {
    expect(
      toLoginNode({ Id: 'i-1', IpAddress: '192.168.0.2', PublicIpAddress: '47.1.2.3' }),
    ).toMatchObject({ privateAddress: '192.168.0.2', publicAddress: '47.1.2.3' });
    expect(
      toLoginNode({ IpAddress: '192.168.0.2', EipAddress: { IpAddress: '47.1.2.4' } }),
    ).toMatchObject({ publicAddress: '47.1.2.4' });
    expect(toLoginNode({ IpAddress: '192.168.0.2', PublicIpAddress: 'x.example.com/../' })).toEqual(
      { privateAddress: '192.168.0.2' },
    );
    expect(toLoginNode({ Id: 'i-2' })).toBeUndefined();
    expect(toLoginNode('nonsense')).toBeUndefined();
  });

  it('prefers a node with a public address; says when there is only a private one', () => {
    const target = targetFor('ehpc-hz-000001', [
      { privateAddress: '192.168.0.9' },
      { privateAddress: '192.168.0.2', publicAddress: '47.1.2.3', hostName: 'login1' },
    ]);
    expect(target).toMatchObject({
      address: '47.1.2.3',
      url: 'vnc://47.1.2.3:12016',
      publicAddress: true,
      port: 12016,
    });
    expect(targetFor('c', [{ privateAddress: '192.168.0.9' }])).toMatchObject({
      address: '192.168.0.9',
      publicAddress: false,
    });
    expect(codeOf(() => targetFor('c', []))).toBe('NoLoginNode');
  });
});

describe('ListNodes against the emulator', () => {
  let emu: Emulator | undefined;
  afterEach(async () => {
    await emu?.close();
    emu = undefined;
  });

  it('pages through every login node, signed, with RegionId and Role=Login', async () => {
    emu = await startEmulator({});
    const nodes = Array.from({ length: 57 }, (_, i) => ({
      id: `i-${i}`,
      hostName: `login${i}`,
      status: 'running',
      ipAddress: `192.168.1.${i + 1}`,
    }));
    emu.setCluster('ehpc-hz-000001', { loginNodes: nodes });
    const client = new EhpcClient({
      credentials: EMULATOR_KEY,
      regionId: emu.regionId,
      endpoint: emu.url,
    });
    const found = await client.listLoginNodes('ehpc-hz-000001');
    expect(found).toHaveLength(57);
    const asked = emu.requests.filter((r) => r.action === 'ListNodes');
    expect(asked).toHaveLength(2);
    for (const r of asked) {
      expect(r.signatureValid).toBe(true);
      expect(r.query).toMatchObject({ RegionId: 'cn-hangzhou', Role: 'Login', PageSize: '50' });
    }
  });
});

describe('Connect through the service', () => {
  let fixture: AppFixture | undefined;
  afterEach(async () => {
    await fixture?.close();
    fixture = undefined;
  });

  it('starts stopped VNC for the remembered CIDR, then opens vnc://<public address>:12016', async () => {
    fixture = await startAppFixture();
    fixture.settings.rememberCluster('ehpc-hz-000002', { cidrIp: '198.51.100.0/24' });
    const result = await fixture.service.connect({ clusterId: 'ehpc-hz-000002' });
    expect(result).toMatchObject({
      address: '203.0.113.3',
      started: true,
      cidrIp: '198.51.100.0/24',
      opened: true,
      passwordCopied: false,
    });
    expect(fixture.opener.urls).toEqual(['vnc://203.0.113.3:12016']);
    expect(fixture.emulator.cluster('ehpc-hz-000002')).toMatchObject({
      vnc: 'running',
      cidrIp: '198.51.100.0/24',
    });
  });

  it('refuses to start without an address, and never starts VNC for a cluster with no login node', async () => {
    fixture = await startAppFixture();
    const nodes = fixture.emulator.cluster('ehpc-hz-000002')?.loginNodes ?? [];
    fixture.emulator.setCluster('ehpc-hz-000002', { loginNodes: [] });
    await expect(
      fixture.service.connect({ clusterId: 'ehpc-hz-000002', cidrIp: '198.51.100.7' }),
    ).rejects.toMatchObject({ code: 'NoLoginNode' });
    // A failure is not cached: with a login node again, the missing address is what stops it.
    fixture.emulator.setCluster('ehpc-hz-000002', { loginNodes: nodes });
    await expect(fixture.service.connect({ clusterId: 'ehpc-hz-000002' })).rejects.toMatchObject({
      code: 'ConnectNeedsAddress',
    });
    expect(fixture.emulator.count('StartVisualService')).toBe(0);
    expect(fixture.opener.urls).toEqual([]);
  });

  it('copies the remembered VNC password when opted in, and clears it at quit', async () => {
    fixture = await startAppFixture();
    await fixture.service.setConnectPrefs({ rememberVncPassword: true });
    await fixture.service.setVncPassword({
      clusterId: 'ehpc-hz-000001',
      runasUser: 'root',
      runasPassword: 'emu-root-pass-1',
      rememberRunasPassword: false,
      newPassword: 'Vnc#Pass2026x',
    });
    const result = await fixture.service.connect({ clusterId: 'ehpc-hz-000001' });
    expect(result).toMatchObject({ started: false, opened: true, passwordCopied: true });
    expect(fixture.clipboard.text).toBe('Vnc#Pass2026x');
    fixture.service.clearCopiedSecret();
    expect(fixture.clipboard.text).toBe('');

    // Turning the option off forgets the remembered password.
    await fixture.service.setConnectPrefs({ rememberVncPassword: false });
    expect(await fixture.vault.getVncPassword('ehpc-hz-000001')).toBeNull();
  });

  it('clears the copied VNC password 30 seconds later, not before', async () => {
    fixture = await startAppFixture();
    await fixture.service.setConnectPrefs({ rememberVncPassword: true });
    await fixture.vault.saveVncPassword('ehpc-hz-000001', 'Vnc#Pass2026x');
    // Only the clipboard's timer is faked: HTTP and the keychain keep real time.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const result = await fixture.service.connect({ clusterId: 'ehpc-hz-000001' });
      expect(result).toMatchObject({ opened: true, passwordCopied: true });
      expect(fixture.clipboard.text).toBe('Vnc#Pass2026x');
      vi.advanceTimersByTime(29_999);
      expect(fixture.clipboard.text).toBe('Vnc#Pass2026x');
      vi.advanceTimersByTime(1);
      expect(fixture.clipboard.text).toBe('');
    } finally {
      vi.useRealTimers();
    }
  });

  it('copies <address>:12016 when no viewer handles vnc://', async () => {
    fixture = await startAppFixture();
    fixture.opener.handler = false;
    const result = await fixture.service.connect({ clusterId: 'ehpc-hz-000005' });
    expect(result).toMatchObject({
      address: '192.168.5.10',
      publicAddress: false,
      opened: false,
      addressCopied: true,
    });
    expect(fixture.clipboard.text).toBe('192.168.5.10:12016');
  });
});

describe('settings from before Connect', () => {
  it('open with the defaults: no detection URL, no VNC password remembered', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { Settings } = await import('../../main/core/settings');
    const dir = await mkdtemp(join(tmpdir(), 'ehpc-vnc-connect-'));
    try {
      await writeFile(
        join(dir, 'settings.json'),
        JSON.stringify({
          regionId: 'cn-hangzhou',
          language: 'en',
          clusters: { 'ehpc-hz-000001': { cidrIp: '203.0.113.7' } },
          __internal__: { migrations: { version: '0.1.0' } },
        }),
      );
      const warnings: string[] = [];
      const settings = Settings.open({ dir, onWarning: (w) => warnings.push(w) });
      expect(settings.peek().connect).toEqual({ detectUrl: '', rememberVncPassword: false });
      expect(settings.peek().clusters['ehpc-hz-000001']?.cidrIp).toBe('203.0.113.7');
      expect(warnings).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
