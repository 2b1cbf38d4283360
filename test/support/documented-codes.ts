// The error codes the app must explain, with the HTTP status each arrives with: the table of
// seeds 000 and 003 (the VNC operations' own pages) and the API gateway's common codes. One list,
// so the mapping, the client and the drills are tested against the same documentation.

/** Seeds 000 and 003, one row per code. */
export const SEED_ERROR_CODES: readonly [number, string][] = [
  [400, 'InvalidParams'],
  [400, 'NotEnabled'],
  [400, 'InDebt'],
  [403, 'InvalidClusterStatus'],
  [403, 'ConflictOpt'],
  [403, 'AgentError'],
  [403, 'IncorrectCredential'],
  [403, 'ExecFail'],
  [404, 'ClusterNotFound'],
  [406, 'AliyunError'],
  [407, 'NotAuthorized'],
  [409, 'PartFailure'],
  [500, 'UnknownError'],
  [503, 'ServiceUnavailable'],
];

/** The gateway's, in front of every Alibaba Cloud API. */
export const GATEWAY_ERROR_CODES: readonly [number, string][] = [
  [404, 'InvalidAccessKeyId.NotFound'],
  [400, 'InvalidAccessKeyId.Inactive'],
  [400, 'SignatureDoesNotMatch'],
  [400, 'IncompleteSignature'],
  [400, 'InvalidSecurityToken.Expired'],
  [400, 'InvalidSecurityToken.Malformed'],
  [400, 'InvalidSecurityToken.MismatchWithAccessKey'],
  [400, 'Throttling'],
  [400, 'Throttling.User'],
  [400, 'Throttling.Api'],
  [403, 'Forbidden.RAM'],
  [403, 'NoPermission'],
  [400, 'InvalidTimeStamp.Expired'],
  [400, 'SignatureNonceUsed'],
  [400, 'InvalidVersion'],
  [404, 'InvalidAction.NotFound'],
  [503, 'ServiceUnavailable'],
  [500, 'InternalError'],
];
