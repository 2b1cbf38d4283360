// What the tray says after Connect: the viewer opened (and the password copied), or no viewer
// handles vnc:// and the address was copied instead. Main's own words, in the app's languages.
import type { ConnectResult } from '../../preload/shared/contract';
import type { ErrorLocale } from '../../preload/shared/error-registry';
import { vncAddress } from '../../preload/shared/vnc-url';
import type { Notice } from './tray-labels';

interface ConnectWords {
  opened(name: string, address: string): string;
  started(cidr: string): string;
  passwordCopied: string;
  privateOnly(address: string): string;
  copied(name: string): string;
  copiedBody(address: string): string;
  printed(address: string): string;
  failed(name: string): string;
}

const WORDS: Record<ErrorLocale, ConnectWords> = {
  en: {
    opened: (name, address) => `Opening ${name} (${address}) in your VNC viewer`,
    started: (cidr) => `VNC started, reachable from ${cidr}.`,
    passwordCopied: 'The VNC password is on the clipboard for 30 seconds.',
    privateOnly: (address) =>
      `The login node has no public address; ${address} is its private one (reachable over a VPN).`,
    copied: (name) => `No VNC viewer opens vnc:// links — ${name}'s address copied`,
    copiedBody: (address) =>
      `Paste ${address} into your VNC viewer (TigerVNC, RealVNC Viewer or TightVNC; see the install guide).`,
    printed: (address) => `Connect your VNC viewer to ${address}.`,
    failed: (name) => `Could not connect to ${name}`,
  },
  'zh-CN': {
    opened: (name, address) => `正在用 VNC 查看器打开 ${name}（${address}）`,
    started: (cidr) => `VNC 已启动，允许来自 ${cidr} 的连接。`,
    passwordCopied: 'VNC 密码已复制到剪贴板，30 秒后清除。',
    privateOnly: (address) => `登录节点没有公网地址；${address} 是其私网地址（需通过 VPN 访问）。`,
    copied: (name) => `没有可打开 vnc:// 链接的 VNC 查看器 — 已复制 ${name} 的地址`,
    copiedBody: (address) =>
      `请将 ${address} 粘贴到 VNC 查看器（TigerVNC、RealVNC Viewer 或 TightVNC，见安装指南）。`,
    printed: (address) => `请用 VNC 查看器连接 ${address}。`,
    failed: (name) => `无法连接到 ${name}`,
  },
};

export function connectFailedTitle(name: string, locale: ErrorLocale): string {
  return WORDS[locale].failed(name);
}

export function connectNotice(name: string, r: ConnectResult, locale: ErrorLocale): Notice {
  const w = WORDS[locale];
  const address = vncAddress(r.address);
  const extra = [
    r.started && r.cidrIp ? w.started(r.cidrIp) : '',
    r.publicAddress ? '' : w.privateOnly(r.address),
  ];
  if (r.opened) {
    return {
      title: w.opened(name, r.address),
      body: [...extra, r.passwordCopied ? w.passwordCopied : ''].filter(Boolean).join(' '),
    };
  }
  if (r.addressCopied) {
    return {
      title: w.copied(name),
      body: [w.copiedBody(address), ...extra].filter(Boolean).join(' '),
    };
  }
  return { title: name, body: [w.printed(address), ...extra].filter(Boolean).join(' ') };
}
