// E-HPC's own codes: the error table of seeds 000 and 003 (/work/shared/ehpc-api.md).
import {
  GRANT_RAM,
  GRANT_RAM_ZH,
  SUPPORT,
  SUPPORT_ZH,
  TRY_LATER,
  TRY_LATER_ZH,
  type CodeEntry,
} from './entry';

export const EHPC_CODES: Record<string, CodeEntry> = {
  InvalidParams: {
    meaning: 'HTTP 400: a parameter is invalid; the server message names it.',
    retry: 'permanent',
    en: [
      'E-HPC rejected a parameter of the request.',
      'Check the values you entered and try again.',
    ],
    zh: ['E-HPC 拒绝了请求中的某个参数。', '请检查输入的值后重试。'],
  },
  NotEnabled: {
    meaning: 'HTTP 400: E-HPC is not activated for the account.',
    retry: 'permanent',
    en: [
      'E-HPC is not activated for this Alibaba Cloud account.',
      'Activate E-HPC in the Alibaba Cloud console, or sign in with an AccessKey of another account.',
    ],
    zh: [
      '此阿里云账号尚未开通 E-HPC。',
      '请在阿里云控制台开通 E-HPC，或使用其他账号的 AccessKey 连接。',
    ],
  },
  InDebt: {
    meaning: 'HTTP 400: the account has overdue payments.',
    retry: 'permanent',
    en: [
      'The Alibaba Cloud account has overdue payments.',
      'Settle the overdue payment in the Alibaba Cloud billing console, then try again.',
    ],
    zh: ['阿里云账号存在欠费。', '请在费用中心结清欠费后重试。'],
  },
  InvalidClusterStatus: {
    meaning: "HTTP 403: the cluster's state forbids the operation.",
    retry: 'transient',
    en: [
      "The cluster's current state does not allow this operation.",
      'Wait until the cluster is running, refresh, and try again.',
    ],
    zh: ['集群当前状态不允许此操作。', '请等待集群进入运行状态，刷新后重试。'],
  },
  ConflictOpt: {
    meaning: 'HTTP 403: a conflicting operation is running on the cluster.',
    retry: 'transient',
    en: ['Another operation is already running on this cluster.', 'Wait a moment and try again.'],
    zh: ['此集群上已有其他操作正在进行。', '请稍候再试。'],
    short: { en: 'another operation was running on the cluster', zh: '集群上有其他操作正在进行' },
  },
  AgentError: {
    meaning: 'HTTP 403: the E-HPC agent on the cluster failed.',
    retry: 'transient',
    en: [
      'The E-HPC agent on the cluster did not answer correctly.',
      "Check that the cluster's login node is running, then try again.",
    ],
    zh: ['集群上的 E-HPC 代理未正确响应。', '请确认集群登录节点正在运行，然后重试。'],
    short: { en: 'the cluster’s agent did not answer', zh: '集群代理未响应' },
  },
  IncorrectCredential: {
    meaning: 'HTTP 403: wrong RunasUser or RunasUserPassword.',
    retry: 'permanent',
    en: [
      'The run-as user name or password is incorrect.',
      "Enter that user's password on the cluster (not the VNC password) and try again.",
    ],
    zh: ['运行用户名或密码不正确。', '请输入该用户在集群上的密码（不是 VNC 密码）后重试。'],
  },
  ExecFail: {
    meaning: 'HTTP 403: a command on the cluster failed; the server message names it.',
    retry: 'permanent',
    en: [
      'A command failed on the cluster.',
      "Check the cluster's login node and the run-as user, then try again.",
    ],
    zh: ['集群上的命令执行失败。', '请检查集群登录节点和运行用户后重试。'],
  },
  ClusterNotFound: {
    meaning: 'HTTP 404: no such cluster in this region.',
    retry: 'permanent',
    en: [
      'The cluster does not exist in this region.',
      'Refresh the cluster list, or check the selected region.',
    ],
    zh: ['此地域中不存在该集群。', '请刷新集群列表，或检查所选地域。'],
  },
  AliyunError: {
    meaning: 'HTTP 406: another cloud product E-HPC relies on failed.',
    retry: 'transient',
    en: ['Another Alibaba Cloud service that E-HPC relies on failed.', TRY_LATER],
    zh: ['E-HPC 依赖的其他阿里云服务出错。', TRY_LATER_ZH],
    short: { en: 'another Alibaba Cloud service failed', zh: '其他阿里云服务出错' },
  },
  NotAuthorized: {
    meaning: 'HTTP 407: the RAM policy does not allow the operation.',
    retry: 'permanent',
    en: ['RAM does not allow this AccessKey to perform this operation.', GRANT_RAM],
    zh: ['RAM 策略不允许此 AccessKey 执行该操作。', GRANT_RAM_ZH],
  },
  PartFailure: {
    meaning: 'HTTP 409: part of a batch failed.',
    retry: 'transient',
    en: [
      'Part of the operation failed.',
      'Refresh to see the current state, then retry what failed.',
    ],
    zh: ['操作部分失败。', '请刷新查看当前状态，然后重试失败的部分。'],
    short: { en: 'it partly failed', zh: '部分失败' },
  },
  UnknownError: {
    meaning: 'HTTP 500: E-HPC gives no reason.',
    retry: 'transient',
    en: ['E-HPC reported an unknown error.', SUPPORT],
    zh: ['E-HPC 报告了未知错误。', SUPPORT_ZH],
    short: { en: 'E‑HPC reported an unknown error', zh: 'E‑HPC 报告了未知错误' },
  },
  ServiceUnavailable: {
    meaning: 'HTTP 503: temporary failure of E-HPC (or of the gateway).',
    retry: 'transient',
    en: ['E-HPC is temporarily unavailable.', TRY_LATER],
    zh: ['E-HPC 暂时不可用。', TRY_LATER_ZH],
    short: { en: 'E‑HPC was unavailable', zh: 'E‑HPC 暂时不可用' },
  },
};
