// The API gateway's codes, in front of every Alibaba Cloud API (signature, AccessKey, STS token,
// throttling, RAM, clock, version).
import {
  GRANT_RAM,
  GRANT_RAM_ZH,
  SUPPORT,
  SUPPORT_ZH,
  WAIT_MINUTE,
  WAIT_MINUTE_ZH,
  type CodeEntry,
} from './entry';

const KEY_DISABLED: Pick<CodeEntry, 'en' | 'zh'> = {
  en: [
    'The AccessKey is disabled.',
    'Enable it in the RAM console, or sign in with an active AccessKey.',
  ],
  zh: ['此 AccessKey 已被禁用。', '请在 RAM 控制台启用它，或使用有效的 AccessKey 连接。'],
};

const THROTTLED_SHORT = { en: 'too many requests', zh: '请求过多' };

export const GATEWAY_CODES: Record<string, CodeEntry> = {
  'InvalidAccessKeyId.NotFound': {
    meaning: 'The AccessKey ID does not exist (also stands for other InvalidAccessKeyId.* codes).',
    retry: 'permanent',
    en: [
      'The AccessKey ID does not exist.',
      'Check the AccessKey ID, or create a new AccessKey in the RAM console, and sign in again.',
    ],
    zh: [
      'AccessKey ID 不存在。',
      '请检查 AccessKey ID，或在 RAM 控制台创建新的 AccessKey 后重新连接。',
    ],
  },
  'InvalidAccessKeyId.Inactive': {
    meaning: 'The AccessKey exists but is disabled.',
    retry: 'permanent',
    ...KEY_DISABLED,
  },
  SignatureDoesNotMatch: {
    meaning: 'The request signature is wrong: the secret does not belong to the ID.',
    retry: 'permanent',
    en: [
      'The AccessKey secret does not match the AccessKey ID.',
      'Enter the AccessKey secret again and sign in.',
    ],
    zh: ['AccessKey Secret 与 AccessKey ID 不匹配。', '请重新输入 AccessKey Secret 后再连接。'],
  },
  IncompleteSignature: {
    meaning: 'The signature parameters are incomplete (something altered the request).',
    retry: 'permanent',
    en: [
      'Alibaba Cloud rejected the request signature as incomplete.',
      'Sign in again; if it persists, check that no proxy alters the requests.',
    ],
    zh: [
      '阿里云认为请求签名不完整，拒绝了请求。',
      '请重新连接；如仍出现，请检查是否有代理改写了请求。',
    ],
  },
  'InvalidSecurityToken.Expired': {
    meaning: 'The STS token has expired.',
    retry: 'permanent',
    en: [
      'The STS security token has expired.',
      'Get a new temporary credential and sign in again.',
    ],
    zh: ['STS 安全令牌已过期。', '请获取新的临时凭证后重新连接。'],
  },
  'InvalidSecurityToken.Malformed': {
    meaning: 'The STS token is malformed (also stands for other InvalidSecurityToken.* codes).',
    retry: 'permanent',
    en: [
      'The STS security token is malformed.',
      'Copy the whole security token again and sign in.',
    ],
    zh: ['STS 安全令牌格式不正确。', '请重新完整复制安全令牌后再连接。'],
  },
  'InvalidSecurityToken.MismatchWithAccessKey': {
    meaning: 'The STS token was issued with another AccessKey ID.',
    retry: 'permanent',
    en: [
      'The STS security token does not belong to this AccessKey ID.',
      'Sign in with the AccessKey ID, secret and security token issued together.',
    ],
    zh: [
      'STS 安全令牌不属于此 AccessKey ID。',
      '请使用同时签发的 AccessKey ID、Secret 和安全令牌连接。',
    ],
  },
  Throttling: {
    meaning: 'Rate limited (also stands for other Throttling.* codes).',
    retry: 'transient',
    en: ['Alibaba Cloud is limiting the rate of requests.', WAIT_MINUTE],
    zh: ['阿里云正在限制请求频率。', WAIT_MINUTE_ZH],
    short: THROTTLED_SHORT,
  },
  'Throttling.User': {
    meaning: 'Rate limited per account.',
    retry: 'transient',
    en: ['This account has sent too many requests; Alibaba Cloud is limiting it.', WAIT_MINUTE],
    zh: ['此账号请求过多，阿里云正在限流。', WAIT_MINUTE_ZH],
    short: THROTTLED_SHORT,
  },
  'Throttling.Api': {
    meaning: 'Rate limited per API.',
    retry: 'transient',
    en: [
      'This operation is receiving too many requests; Alibaba Cloud is limiting it.',
      WAIT_MINUTE,
    ],
    zh: ['此操作请求过多，阿里云正在限流。', WAIT_MINUTE_ZH],
    short: THROTTLED_SHORT,
  },
  'Forbidden.RAM': {
    meaning: 'RAM denies the call (also stands for other Forbidden.* codes).',
    retry: 'permanent',
    en: ['RAM does not allow this AccessKey to call E-HPC.', GRANT_RAM],
    zh: ['RAM 策略不允许此 AccessKey 调用 E-HPC。', GRANT_RAM_ZH],
  },
  'Forbidden.AccessKeyDisabled': {
    meaning: 'The AccessKey is disabled.',
    retry: 'permanent',
    ...KEY_DISABLED,
  },
  NoPermission: {
    meaning: 'The caller lacks the permission for the operation.',
    retry: 'permanent',
    en: ['This AccessKey has no permission for this operation.', GRANT_RAM],
    zh: ['此 AccessKey 没有执行该操作的权限。', GRANT_RAM_ZH],
  },
  'InvalidTimeStamp.Expired': {
    meaning: "The request's timestamp is too far from the server's clock.",
    retry: 'permanent',
    en: [
      "This computer's clock differs too much from Alibaba Cloud's time.",
      "Correct the computer's clock (turn on automatic time), then try again.",
    ],
    zh: ['本机时钟与阿里云时间相差过大。', '请校正本机时钟（开启自动对时）后重试。'],
  },
  SignatureNonceUsed: {
    meaning: 'The SignatureNonce was used before (a replayed request).',
    retry: 'transient',
    en: [
      'Alibaba Cloud rejected the request as a repeat of an earlier one.',
      'Try the operation again.',
    ],
    zh: ['阿里云认为此请求与之前的请求重复，拒绝了它。', '请再试一次。'],
  },
  InvalidVersion: {
    meaning: 'The endpoint does not serve API version 2018-04-12.',
    retry: 'permanent',
    en: [
      'This endpoint does not support the E-HPC API version the app uses (2018-04-12).',
      'Choose another region, or check the endpoint setting.',
    ],
    zh: [
      '此端点不支持本应用使用的 E-HPC API 版本（2018-04-12）。',
      '请选择其他地域，或检查端点设置。',
    ],
  },
  'InvalidAction.NotFound': {
    meaning: 'The endpoint does not offer the action.',
    retry: 'permanent',
    en: [
      'This endpoint does not offer the requested E-HPC operation.',
      'Check the region and the endpoint setting; E-HPC may not be available in this region.',
    ],
    zh: ['此端点不提供所请求的 E-HPC 操作。', '请检查地域和端点设置；此地域可能未提供 E-HPC。'],
  },
  InvalidRegionId: {
    meaning: 'The region is not valid for the product.',
    retry: 'permanent',
    en: [
      'The region is not valid for E-HPC.',
      'Choose another region from the list and try again.',
    ],
    zh: ['该地域不支持 E-HPC。', '请从列表中选择其他地域后重试。'],
  },
  InternalError: {
    meaning: 'HTTP 500 from the gateway or a product.',
    retry: 'transient',
    en: ['Alibaba Cloud had an internal error.', SUPPORT],
    zh: ['阿里云发生内部错误。', SUPPORT_ZH],
    short: { en: 'E‑HPC reported an internal error', zh: 'E‑HPC 报告了内部错误' },
  },
};
