// 暴露面监视（监视的地域、检查间隔）与 AccessKey 配置档案的设置文案：与 messages-settings-en.ts 逐键对应。
import type { settingsEn } from './messages-settings-en';

export const settingsZhCN: Record<keyof typeof settingsEn, string> = {
  'watch.title': '监视开启的 VNC',
  'watch.regions': '监视的地域',
  'watch.regions.inUse': '所有使用中的地域',
  'watch.regions.pinned': '仅以下地域',
  'watch.regions.inUseHint': '自动发现：该账号有集群的每个地域。',
  'watch.regions.inUseNow': '自动发现；当前为 {regions}。',
  'watch.regions.pinnedHint': '只检查下面勾选的地域，“全部停止”也只作用于这些地域。',
  'watch.regions.list': '地域',
  'watch.regions.keepOne': '请至少勾选一个地域，或选择“所有使用中的地域”。',
  'watch.regions.fallback': '无法获取地域列表：显示文档中列出的地域。',
  'watch.interval': '检查间隔',
  'watch.interval.hint': '后台检查 VNC 的频率；应用启动、从睡眠唤醒或解锁后也会检查。',
  'watch.interval.off': '关闭',
  'watch.interval.minutes': '{n} 分钟',
  'watch.interval.hours': '{n} 小时',
  'profile.label': '配置',
  'profile.switch': '切换配置',
  'profile.hint':
    '每个配置在系统钥匙串中保存自己的 AccessKey。ehpc-vnc 也使用当前配置，除非指定了 --profile。',
  'profile.noKey': '{name}（未保存密钥）',
  'profile.new': '新建配置…',
  'profile.newName': '新配置名称',
  'profile.newHint': '字母、数字、“.”、“_”和“-”，最多 64 个，如 work。',
  'profile.invalid': '请使用字母、数字、“.”、“_”和“-”（最多 64 个），以字母或数字开头。',
  'profile.exists': '该配置已存在：请在上面的列表中选择。',
  'profile.continue': '添加并连接…',
  'profile.switched': '现在使用配置 {name}。',
  'profile.switchTo': '使用其他配置',
  'signin.profileTitle': '连接配置“{name}”',
};
