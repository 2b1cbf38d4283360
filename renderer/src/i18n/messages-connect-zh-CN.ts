// “连接”相关的中文文案：与 messages-connect-en.ts 逐键对应。
import type { connectEn } from './messages-connect-en';

export const connectZhCN: Record<keyof typeof connectEn, string> = {
  'connect.title': '连接',
  'connect.button': '连接',
  'connect.connecting': '正在连接…',
  'connect.hint': '如 VNC 已停止，先为下方地址启动，然后打开 {url}。',
  'connect.hintUnknown': '如 VNC 已停止，先为下方地址启动，然后打开 VNC 查看器。',
  'connect.opened': '正在用 VNC 查看器打开 {name}：{url}。',
  'connect.started': 'VNC 原已停止：已为 {cidr} 启动。',
  'connect.passwordCopied': 'VNC 密码已复制到剪贴板，30 秒后清除。',
  'connect.privateOnly': '登录节点没有公网地址：{address} 是其私网地址，需通过 VPN 访问。',
  'connect.noHandler':
    '此电脑上没有可打开 vnc:// 链接的 VNC 查看器。已复制 {address}：请粘贴到查看器中。',
  'connect.viewers': '可用的查看器：TigerVNC、RealVNC Viewer、TightVNC（见安装指南）。',
  'connect.address': '登录节点：{address}',
  'address.remembered': '用过的地址',
  'address.detect': '检测我的地址',
  'address.detecting': '正在检测…',
  'address.detected': '{url} 看到的你的地址：',
  'address.use': '使用 {cidr}',
  'address.dismiss': '不是这个',
  'address.ipv6':
    '这是 IPv6 地址：仅当 VNC 客户端通过 IPv6 连接登录节点时才能访问。若登录节点只有 IPv4 地址，请使用你的 IPv4 地址。',
  'settings.connect': '连接',
  'settings.detectUrl': '地址检测网址',
  'settings.detectUrlHint':
    '一个以纯文本返回你公网 IP 的 HTTPS 网址。留空：应用不访问任何外部服务。',
  'settings.detectUrlInvalid': '请使用 https:// 网址。',
  'settings.detectUrlSave': '保存',
  'settings.detectUrlSaved': '已保存。',
  'pw.rememberVnc': '在系统钥匙串中记住此 VNC 密码，以便“连接”时为查看器复制',
};
