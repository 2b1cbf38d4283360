// What the aliyun CLI and the Alibaba Cloud SDKs already have, through their official default
// chain (@alicloud/credentials): OIDC (ALIBABA_CLOUD_OIDC_*), the aliyun CLI's
// ~/.aliyun/config.json (profile ALIBABA_CLOUD_PROFILE or its current one),
// ~/.alibabacloud/credentials, the ECS RAM role (unless ALIBABA_CLOUD_ECS_METADATA_DISABLED=true),
// ALIBABA_CLOUD_CREDENTIALS_URI. Used by the CLI after the environment and the keychain, so their
// users need no second login. Imported on first use: most runs never need it.
import { proxyAgents, type AgentFor } from './ehpc/proxy-agent';
import { installSdkHttpHook, withCallScope } from './ehpc/sdk-http-hook';
import type { AccessKey } from './ehpc/types';

/** The ECS metadata server: reachable only from the instance itself, so never through a proxy. */
const ECS_METADATA_HOST = '100.100.100.200';
const CHAIN_CONNECT_TIMEOUT_MS = 5000;

/**
 * The chain's own requests (OIDC's STS call, ALIBABA_CLOUD_CREDENTIALS_URI) go through the
 * environment's proxy as E-HPC's do (proxy.ts), through the same hook on the SDKs' HTTP layer.
 */
function chainAgents(): AgentFor {
  const agents = proxyAgents(CHAIN_CONNECT_TIMEOUT_MS);
  return (url) =>
    new URL(url).hostname === ECS_METADATA_HOST ? Promise.resolve(undefined) : agents(url);
}

type CredentialsModule = typeof import('@alicloud/credentials');

/** The key the SDKs' chain finds, or null when it finds none. Never throws. */
export async function keyFromSdkChain(): Promise<AccessKey | null> {
  try {
    const imported = await import('@alicloud/credentials');
    // A split chunk of a CommonJS package exports only `default` (= module.exports).
    const mod: CredentialsModule =
      imported.DefaultCredentialsProvider === undefined
        ? (imported.default as unknown as CredentialsModule)
        : imported;
    await installSdkHttpHook();
    const chain = mod.DefaultCredentialsProvider.builder().build();
    const found = await withCallScope({ agentFor: chainAgents() }, () => chain.getCredentials());
    if (!found.accessKeyId || !found.accessKeySecret) return null;
    return found.securityToken
      ? {
          accessKeyId: found.accessKeyId,
          accessKeySecret: found.accessKeySecret,
          securityToken: found.securityToken,
        }
      : { accessKeyId: found.accessKeyId, accessKeySecret: found.accessKeySecret };
  } catch {
    return null;
  }
}
