// Words of the native confirmations main raises itself (confirm-dialogs.ts), in the app's two
// languages. They name the cluster and the network, so the user knows exactly what is asked.
import type { StartToConfirm, PasswordToConfirm } from '../core/confirmations';
import { VNC_PORT } from '../../preload/shared/validation';

export interface ConfirmText {
  title: string;
  message: string;
  detail: string;
  confirm: string;
  cancel: string;
}

export interface ConfirmLabels {
  start(start: StartToConfirm): ConfirmText;
  password(change: PasswordToConfirm): ConfirmText;
}

const en: ConfirmLabels = {
  start: ({ clusterName, cidrIp, wide }) => ({
    title: 'E-HPC VNC Tray',
    message: `Open VNC on “${clusterName}” to ${cidrIp}?`,
    detail: wide
      ? `${cidrIp} covers a large part of the internet: anyone in it can try to connect to the ` +
        `cluster’s desktop on port ${VNC_PORT}. You are asked every time for a network this wide. ` +
        'If you did not just ask for this, choose Cancel.'
      : `Computers in ${cidrIp} will be able to connect to the cluster’s desktop on port ` +
        `${VNC_PORT}. You are asked once for each new network. If you did not just ask for ` +
        'this, choose Cancel.',
    confirm: 'Start VNC',
    cancel: 'Cancel',
  }),
  password: ({ clusterName, runasUser }) => ({
    title: 'E-HPC VNC Tray',
    message: `Change the VNC password of “${clusterName}” with the remembered password of ${runasUser}?`,
    detail:
      `The app will act as ${runasUser} on the cluster with the password kept in your ` +
      'keychain. If you did not just ask for this, choose Cancel.',
    confirm: 'Change password',
    cancel: 'Cancel',
  }),
};

const zhCN: ConfirmLabels = {
  start: ({ clusterName, cidrIp, wide }) => ({
    title: 'E-HPC VNC Tray',
    message: `要在“${clusterName}”上向 ${cidrIp} 开放 VNC 吗？`,
    detail: wide
      ? `${cidrIp} 覆盖了互联网的很大一部分：其中任何人都可以尝试连接集群桌面（端口 ${VNC_PORT}）。` +
        '如此大的网段每次都会询问。如果这不是你刚刚发起的操作，请选择“取消”。'
      : `${cidrIp} 中的计算机将可以连接集群桌面（端口 ${VNC_PORT}）。每个新网段只询问一次。` +
        '如果这不是你刚刚发起的操作，请选择“取消”。',
    confirm: '启动 VNC',
    cancel: '取消',
  }),
  password: ({ clusterName, runasUser }) => ({
    title: 'E-HPC VNC Tray',
    message: `要使用已记住的 ${runasUser} 密码修改“${clusterName}”的 VNC 密码吗？`,
    detail: `应用将使用钥匙串中保存的密码，在集群上以 ${runasUser} 身份操作。如果这不是你刚刚发起的操作，请选择“取消”。`,
    confirm: '修改密码',
    cancel: '取消',
  }),
};

export const CONFIRM_LABELS = { en, 'zh-CN': zhCN } as const;

/** The confirmations in the tray's language (its `locale`, see tray-labels.ts). */
export function confirmLabelsFor(locale: keyof typeof CONFIRM_LABELS): ConfirmLabels {
  return CONFIRM_LABELS[locale];
}
