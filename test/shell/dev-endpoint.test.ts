// The window honours EHPC_VNC_ENDPOINT only with --dev-endpoint; the session then names the host
// (the window's badge), never credentials.
import { describe, expect, it } from 'vitest';
import { endpointHost } from '../../main/core/account-session';
import { windowEndpoint } from '../../main/shell/dev-endpoint';

const ARGV = ['/opt/E-HPC VNC Tray/ehpc-vnc-tray'];

describe('the endpoint the window talks to', () => {
  it("is Alibaba Cloud's when the variable is set without the switch", () => {
    const decided = windowEndpoint(ARGV, { EHPC_VNC_ENDPOINT: 'https://evil.example', HOME: '/h' });
    expect(decided.endpoint).toBeUndefined();
    expect(decided.ignored).toBe(true);
    // The core never sees the variable, so it cannot fall back to it either.
    expect(decided.env).toEqual({ HOME: '/h' });
  });

  it('is the override with --dev-endpoint', () => {
    const decided = windowEndpoint([...ARGV, '--dev-endpoint'], {
      EHPC_VNC_ENDPOINT: 'http://127.0.0.1:4010',
    });
    expect(decided).toEqual({ endpoint: 'http://127.0.0.1:4010', env: {} });
  });

  it("is Alibaba Cloud's with the switch alone", () => {
    expect(windowEndpoint([...ARGV, '--dev-endpoint'], {})).toEqual({ env: {} });
  });

  it('is shown as host and port only', () => {
    expect(endpointHost('https://user:secret@ehpc.example.com:8443/path?token=x')).toBe(
      'ehpc.example.com:8443',
    );
    expect(endpointHost('127.0.0.1:4010')).toBe('127.0.0.1:4010');
  });
});
