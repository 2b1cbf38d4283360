// What a CidrIp may be (IPv4 or IPv6, address or block), its one canonical text, and which ones
// are wide (issue 11: 0.0.0.0/0, ::/0 or an IPv4 prefix shorter than /16) — the shared rules the
// window, main, the CLI and the settings file all use.
import { describe, expect, it } from 'vitest';
import { contract } from '../../preload/shared/contract';
import { canonicalCidrIp, isValidCidrIp, isWideCidr } from '../../preload/shared/validation';
import { isWideCidr as exposureWide } from '../../main/core/exposure-rules';

describe('CidrIp', () => {
  it.each([
    '203.0.113.7',
    '203.0.113.0/24',
    '0.0.0.0/0',
    '2001:db8::7',
    '2001:db8::7/128',
    '2001:db8::/48',
    '::/0',
    '::1',
    'fe80::1:2:3:4',
    '2001:0db8:0000:0000:0000:0000:0000:0007/128',
  ])('accepts %j', (cidr) => {
    expect(isValidCidrIp(cidr)).toBe(true);
  });

  it.each([
    '',
    '203.0.113.7/33',
    '203.0.113/24',
    '300.1.1.1',
    '203.0.113.7/024',
    '2001:db8::7/129',
    '2001:db8::7/',
    '2001:db8:::7',
    '2001:db8::7::1',
    '1:2:3:4:5:6:7:8:9',
    '::ffff:203.0.113.7',
    'fe80::1%eth0',
    '2001:db8::g',
    '203.0.113.7/24/1',
    ' 203.0.113.7',
    '[2001:db8::7]',
  ])('refuses %j', (cidr) => {
    expect(isValidCidrIp(cidr)).toBe(false);
  });

  it('writes IPv6 one way (RFC 5952) and leaves IPv4 as typed', () => {
    expect(canonicalCidrIp('2001:0DB8:0000:0000:0000:0000:0000:0007/128')).toBe('2001:db8::7/128');
    expect(canonicalCidrIp(' 2001:db8:0:0:1:0:0:1 ')).toBe('2001:db8::1:0:0:1');
    expect(canonicalCidrIp('2001:db8:0:1:1:1:1:1')).toBe('2001:db8:0:1:1:1:1:1');
    expect(canonicalCidrIp('0:0:0:0:0:0:0:0/0')).toBe('::/0');
    expect(canonicalCidrIp('fe80:0:0:0:0:0:0:1')).toBe('fe80::1');
    expect(canonicalCidrIp('1:0:0:0:0:0:0:0')).toBe('1::');
    expect(canonicalCidrIp('203.0.113.7/32')).toBe('203.0.113.7/32');
  });

  it('canonicalises what a request carries, after checking it', () => {
    const schema = contract.startVnc.request;
    expect(schema.parse({ clusterId: 'ehpc-hz-1', cidrIp: '2001:DB8::0:7/64' }).cidrIp).toBe(
      '2001:db8::7/64',
    );
    expect(schema.safeParse({ clusterId: 'ehpc-hz-1', cidrIp: '2001:db8::7/200' }).success).toBe(
      false,
    );
  });

  it('calls wide the same CIDRs as the exposure check', () => {
    const wide = ['0.0.0.0/0', '::/0', '2001:db8::/0', '10.0.0.0/8', '100.64.0.0/15'];
    const narrow = ['203.0.113.7', '172.16.0.0/16', '2001:db8::7', '2001:db8::/32', '::/1'];
    for (const c of wide) expect([c, isWideCidr(c), exposureWide(c)]).toEqual([c, true, true]);
    for (const c of narrow) expect([c, isWideCidr(c), exposureWide(c)]).toEqual([c, false, false]);
  });
});
