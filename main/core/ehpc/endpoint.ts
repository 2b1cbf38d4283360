// Where requests go. HTTPS always, except to this machine (the emulator, a local debugging
// proxy): a signed request over plain HTTP elsewhere would put the VNC and run-as passwords on
// the wire in clear.
import { AppError, invalidInput } from '../app-error';
import { describeCode, sanitizeServerText } from '../errors';
import { isValidRegionId } from '../../../preload/shared/validation';

export interface Endpoint {
  protocol: 'https' | 'http';
  /** host[:port], as the SDK's `Config.endpoint` wants it (no scheme, no path). */
  host: string;
}

/** 127.0.0.0/8, localhost and [::1]: the only hosts plain HTTP may reach. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  if (h === 'localhost' || h === '[::1]' || h === '::1') return true;
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return m !== null && m.slice(1).every((octet) => Number(octet) <= 255);
}

export function resolveEndpoint(regionId: string, override?: string): Endpoint {
  if (override === undefined || override.trim() === '') {
    if (!isValidRegionId(regionId))
      throw invalidInput(`"${sanitizeServerText(regionId, 40)}" is not a valid region ID.`);
    return { protocol: 'https', host: `ehpc.${regionId}.aliyuncs.com` };
  }
  const text = override.trim();
  // A bare host name means HTTPS, as in Alibaba Cloud's own tools.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw invalidInput('The endpoint is not a valid URL.', 'Enter it as https://host[:port].');
  }
  const scheme = url.protocol.slice(0, -1);
  if (scheme !== 'https' && scheme !== 'http') {
    throw invalidInput(
      'The endpoint must start with https://.',
      'Enter it as https://host[:port].',
    );
  }
  if (
    url.username ||
    url.password ||
    url.search ||
    url.hash ||
    (url.pathname !== '/' && url.pathname !== '')
  ) {
    throw invalidInput(
      'The endpoint must be a host and an optional port only.',
      'Remove any path, query or user name from it.',
    );
  }
  if (!url.hostname)
    throw invalidInput('The endpoint has no host.', 'Enter it as https://host[:port].');
  if (scheme === 'http' && !isLoopbackHost(url.hostname)) {
    const { message, action } = describeCode('InsecureEndpoint');
    throw new AppError({ code: 'InsecureEndpoint', message, action });
  }
  return { protocol: scheme, host: url.host };
}
