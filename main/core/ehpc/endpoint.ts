// Where requests go. HTTPS always, except to this machine (the emulator, a local debugging
// proxy): a signed request over plain HTTP elsewhere would put the VNC and run-as passwords on
// the wire in clear.
import { appError } from '../app-error';
import { sanitizeServerText } from '../errors';
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

/**
 * The product's regional host (`ehpc.<region>.aliyuncs.com`, `ecs.<region>.aliyuncs.com`), or the
 * override, which serves every product and region: one stand-in tells them apart by
 * `x-acs-version` and `RegionId`.
 */
export function resolveEndpoint(
  regionId: string,
  override?: string,
  product: 'ehpc' | 'ecs' = 'ehpc',
): Endpoint {
  if (override === undefined || override.trim() === '') {
    if (!isValidRegionId(regionId))
      throw appError('InvalidInput', {
        variant: 'regionId',
        params: { region: sanitizeServerText(regionId, 40) },
      });
    return { protocol: 'https', host: `${product}.${regionId}.aliyuncs.com` };
  }
  const text = override.trim();
  // A bare host name means HTTPS, as in Alibaba Cloud's own tools.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw appError('InvalidInput', { variant: 'endpointUrl' });
  }
  const scheme = url.protocol.slice(0, -1);
  if (scheme !== 'https' && scheme !== 'http') {
    throw appError('InvalidInput', { variant: 'endpointScheme' });
  }
  if (
    url.username ||
    url.password ||
    url.search ||
    url.hash ||
    (url.pathname !== '/' && url.pathname !== '')
  ) {
    throw appError('InvalidInput', { variant: 'endpointExtra' });
  }
  if (!url.hostname) throw appError('InvalidInput', { variant: 'endpointNoHost' });
  if (scheme === 'http' && !isLoopbackHost(url.hostname)) {
    throw appError('InsecureEndpoint');
  }
  return { protocol: scheme, host: url.host };
}
