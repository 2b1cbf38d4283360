// Codes of the exposure model (main/core/exposure.ts): who can reach VNC, and what a stop left.
import type { CodeEntry } from './entry';

export const EXPOSURE_CODES: Record<string, CodeEntry> = {
  ReachUnknown: {
    meaning:
      'The security group of {clusterId} could not be read, so who can reach VNC is unknown; nothing else fails.',
    retry: 'transient',
    en: [
      'Who can reach VNC on {clusterId} is unknown: its security group could not be read.',
      'Try again later; VNC itself can still be checked and stopped.',
    ],
    zh: [
      '无法得知谁能访问 {clusterId} 上的 VNC：无法读取其安全组。',
      '请稍后重试；仍可检查和停止 VNC 本身。',
    ],
    short: { en: 'who can reach VNC is unknown', zh: '无法得知谁能访问 VNC' },
    variants: {
      // {ramAction}: the RAM action the policy lacks (ehpc:DescribeCluster, ecs:DescribeSecurityGroupAttribute).
      ram: {
        en: [
          'Who can reach VNC on {clusterId} is unknown: RAM does not allow {ramAction}.',
          'Add {ramAction} to this RAM user’s policy (see the README).',
        ],
        zh: [
          '无法得知谁能访问 {clusterId} 上的 VNC：RAM 不允许 {ramAction}。',
          '请在此 RAM 用户的策略中添加 {ramAction}（见 README）。',
        ],
        retry: 'permanent',
      },
    },
  },
  'InvalidSecurityGroupId.NotFound': {
    meaning: 'ECS: the security group E-HPC named for the cluster does not exist (in this region).',
    retry: 'permanent',
    en: [
      'The cluster’s security group was not found.',
      'Refresh; if it persists, check the cluster in the E-HPC console.',
    ],
    zh: ['找不到集群的安全组。', '请刷新；如仍出现，请在 E-HPC 控制台检查该集群。'],
  },
  NoPermission: {
    meaning: 'ECS: the RAM policy does not allow the action.',
    retry: 'permanent',
    en: [
      'RAM does not allow this AccessKey to read the cluster’s security group.',
      'Add ecs:DescribeSecurityGroupAttribute to this RAM user’s policy (see the README).',
    ],
    zh: [
      'RAM 不允许此 AccessKey 读取集群的安全组。',
      '请在此 RAM 用户的策略中添加 ecs:DescribeSecurityGroupAttribute（见 README）。',
    ],
  },
  RulesStillOpen: {
    meaning: 'After a stop, the security group of {clusterId} still lets {cidrs} reach TCP 12016.',
    retry: 'transient',
    en: [
      'VNC on {clusterId} was stopped, but its security group still lets {cidrs} reach port 12016.',
      'Stop VNC again, or remove the rule in the ECS console.',
    ],
    zh: [
      '{clusterId} 上的 VNC 已停止，但其安全组仍允许 {cidrs} 访问 12016 端口。',
      '请再次停止 VNC，或在 ECS 控制台中删除该规则。',
    ],
    short: { en: 'a 12016 rule is still open', zh: '仍有 12016 端口规则开放' },
  },
};
