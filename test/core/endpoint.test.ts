import { describe, expect, it } from 'vitest';
import { AppError } from '../../main/core/app-error';
import { isLoopbackHost, resolveEndpoint } from '../../main/core/ehpc/endpoint';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : 'not an AppError';
  }
  return undefined;
}

describe('resolveEndpoint', () => {
  it('defaults to https://ehpc.<region>.aliyuncs.com', () => {
    expect(resolveEndpoint('cn-hangzhou')).toEqual({
      protocol: 'https',
      host: 'ehpc.cn-hangzhou.aliyuncs.com',
    });
    expect(resolveEndpoint('ap-southeast-1', '  ')).toEqual({
      protocol: 'https',
      host: 'ehpc.ap-southeast-1.aliyuncs.com',
    });
  });

  it('refuses a region that would change the host', () => {
    expect(codeOf(() => resolveEndpoint('cn-hangzhou.evil.example/'))).toBe('InvalidInput');
    expect(codeOf(() => resolveEndpoint(''))).toBe('InvalidInput');
  });

  it('takes an https override, with or without a scheme or port', () => {
    expect(resolveEndpoint('cn-hangzhou', 'https://ehpc-vpc.cn-hangzhou.aliyuncs.com')).toEqual({
      protocol: 'https',
      host: 'ehpc-vpc.cn-hangzhou.aliyuncs.com',
    });
    expect(resolveEndpoint('cn-hangzhou', 'ehpc-vpc.cn-hangzhou.aliyuncs.com')).toEqual({
      protocol: 'https',
      host: 'ehpc-vpc.cn-hangzhou.aliyuncs.com',
    });
    expect(resolveEndpoint('cn-hangzhou', 'https://proxy.example.com:8443/')).toEqual({
      protocol: 'https',
      host: 'proxy.example.com:8443',
    });
  });

  it.each([
    ['http://127.0.0.1:18080', '127.0.0.1:18080'],
    ['http://127.3.4.5:80', '127.3.4.5'],
    ['http://localhost:9000', 'localhost:9000'],
    ['http://LOCALHOST:9000', 'localhost:9000'],
    ['http://[::1]:18080', '[::1]:18080'],
  ])('allows plain http to the loopback host %s', (url, host) => {
    expect(resolveEndpoint('cn-hangzhou', url)).toEqual({ protocol: 'http', host });
  });

  it.each([
    'http://ehpc.cn-hangzhou.aliyuncs.com',
    'http://10.0.0.5:8080',
    'http://192.168.1.10',
    'http://128.0.0.1',
    'http://127.0.0.1.example.com',
    'http://localhost.example.com',
    'http://[::2]:80',
    'http://0.0.0.0:18080',
  ])('refuses plain http to %s as InsecureEndpoint', (url) => {
    expect(codeOf(() => resolveEndpoint('cn-hangzhou', url))).toBe('InsecureEndpoint');
  });

  it.each([
    'https://',
    'ftp://example.com',
    'https://user:pw@example.com',
    'https://example.com/path',
    'https://example.com/?a=1',
    'https://example.com/#x',
    'http://exa mple.com',
  ])('refuses %s as InvalidInput', (url) => {
    expect(codeOf(() => resolveEndpoint('cn-hangzhou', url))).toBe('InvalidInput');
  });

  it('carries a message and a next step on refusal', () => {
    try {
      resolveEndpoint('cn-hangzhou', 'http://example.com');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      const err = e as AppError;
      expect(err.message).toMatch(/HTTP/);
      expect(err.action).toMatch(/https:\/\//);
    }
  });
});

describe('isLoopbackHost', () => {
  it('knows 127.0.0.0/8, localhost and ::1 only', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('127.255.255.254')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('127.0.0.256')).toBe(false);
    expect(isLoopbackHost('126.0.0.1')).toBe(false);
  });
});
