// The CLI's wordings of the codes that reject the AccessKey (and of the few other codes whose app
// text says "sign in" or "refresh"): a terminal has no Sign in button, so they name the command,
// and `auth status`, which says where the key in use comes from (environment, keychain, SDK).
import type { Variant } from './entry';

const WHICH_KEY = '`ehpc-vnc auth status` shows which key is used and where it comes from.';
const WHICH_KEY_ZH = '`ehpc-vnc auth status` 会显示正在使用的密钥及其来源。';
const LOGIN_AGAIN = 'then run `ehpc-vnc login` again (or correct ALIBABA_CLOUD_ACCESS_KEY_*).';
const LOGIN_AGAIN_ZH = '然后重新运行 `ehpc-vnc login`（或更正 ALIBABA_CLOUD_ACCESS_KEY_*）。';

const KEY_DISABLED: Variant = {
  en: [
    'The AccessKey is disabled.',
    `Enable it in the RAM console, or use an active AccessKey. ${WHICH_KEY}`,
  ],
  zh: ['此 AccessKey 已被禁用。', `请在 RAM 控制台启用它，或使用有效的 AccessKey。${WHICH_KEY_ZH}`],
};

export const CLI_CREDENTIAL_WORDINGS: Record<string, Record<string, Variant>> = {
  'InvalidAccessKeyId.NotFound': {
    cli: {
      en: [
        'The AccessKey ID does not exist.',
        `Check the AccessKey ID, ${LOGIN_AGAIN} ${WHICH_KEY}`,
      ],
      zh: ['AccessKey ID 不存在。', `请检查 AccessKey ID，${LOGIN_AGAIN_ZH}${WHICH_KEY_ZH}`],
    },
  },
  'InvalidAccessKeyId.Inactive': { cli: KEY_DISABLED },
  'Forbidden.AccessKeyDisabled': { cli: KEY_DISABLED },
  SignatureDoesNotMatch: {
    cli: {
      en: [
        'The AccessKey secret does not match the AccessKey ID.',
        `Check the secret, ${LOGIN_AGAIN} ${WHICH_KEY}`,
      ],
      zh: [
        'AccessKey Secret 与 AccessKey ID 不匹配。',
        `请检查 Secret，${LOGIN_AGAIN_ZH}${WHICH_KEY_ZH}`,
      ],
    },
  },
  IncompleteSignature: {
    cli: {
      en: [
        'Alibaba Cloud rejected the request signature as incomplete.',
        'Try again; if it persists, check that no proxy alters the requests.',
      ],
      zh: [
        '阿里云认为请求签名不完整而拒绝了请求。',
        '请重试；如仍出现，请检查是否有代理修改了请求。',
      ],
    },
  },
  'InvalidSecurityToken.Expired': {
    cli: {
      en: [
        'The STS security token has expired.',
        'Get a new temporary credential and set ALIBABA_CLOUD_SECURITY_TOKEN (with its key) again.',
      ],
      zh: [
        'STS 安全令牌已过期。',
        '请获取新的临时凭证，并重新设置 ALIBABA_CLOUD_SECURITY_TOKEN（及其密钥）。',
      ],
    },
  },
  'InvalidSecurityToken.Malformed': {
    cli: {
      en: [
        'The STS security token is malformed.',
        'Copy the whole security token into ALIBABA_CLOUD_SECURITY_TOKEN again.',
      ],
      zh: ['STS 安全令牌格式错误。', '请重新将完整的安全令牌复制到 ALIBABA_CLOUD_SECURITY_TOKEN。'],
    },
  },
  'InvalidSecurityToken.MismatchWithAccessKey': {
    cli: {
      en: [
        'The STS security token does not belong to this AccessKey ID.',
        'Set the AccessKey ID, secret and security token that were issued together.',
      ],
      zh: [
        'STS 安全令牌不属于此 AccessKey ID。',
        '请设置同时签发的 AccessKey ID、Secret 和安全令牌。',
      ],
    },
  },
  NotEnabled: {
    cli: {
      en: [
        'E-HPC is not activated for this Alibaba Cloud account.',
        'Activate E-HPC in the Alibaba Cloud console, or use an AccessKey of another account (`ehpc-vnc login`, or --profile).',
      ],
      zh: [
        '此阿里云账号尚未开通 E-HPC。',
        '请在阿里云控制台开通 E-HPC，或使用其他账号的 AccessKey（`ehpc-vnc login` 或 --profile）。',
      ],
    },
  },
  'InvalidSecurityGroupId.NotFound': {
    cli: {
      en: [
        'The cluster’s security group was not found.',
        'Try again; if it persists, check the cluster in the E-HPC console.',
      ],
      zh: ['找不到集群的安全组。', '请重试；如仍出现，请在 E-HPC 控制台检查该集群。'],
    },
  },
};
