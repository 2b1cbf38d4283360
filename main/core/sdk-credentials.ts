// What the aliyun CLI and the Alibaba Cloud SDKs already have, through their official default
// chain (@alicloud/credentials): OIDC (ALIBABA_CLOUD_OIDC_*), the aliyun CLI's
// ~/.aliyun/config.json (profile ALIBABA_CLOUD_PROFILE or its current one),
// ~/.alibabacloud/credentials, the ECS RAM role (unless ALIBABA_CLOUD_ECS_METADATA_DISABLED=true),
// ALIBABA_CLOUD_CREDENTIALS_URI. Used by the CLI after the environment and the keychain, so their
// users need no second login. Imported on first use: most runs never need it.
import type { AccessKey } from './ehpc/types';

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
    const found = await mod.DefaultCredentialsProvider.builder().build().getCredentials();
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
