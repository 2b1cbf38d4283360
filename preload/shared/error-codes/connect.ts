// Codes of "arrive": where to connect (ListNodes), starting VNC for it, opening the viewer and
// detecting the user's own address.
import type { CodeEntry } from './entry';

export const CONNECT_CODES: Record<string, CodeEntry> = {
  NoLoginNode: {
    meaning: 'ListNodes (Role=Login) answered no login node with an address: nowhere to connect.',
    retry: 'permanent',
    en: [
      'This cluster has no login node to connect to.',
      'Add a login node to the cluster in the E-HPC console, then try again.',
    ],
    zh: ['此集群没有可连接的登录节点。', '请在 E-HPC 控制台为集群添加登录节点，然后重试。'],
  },
  ConnectNeedsAddress: {
    meaning:
      'VNC is stopped and no CidrIp is remembered or given: connecting would start it blind.',
    retry: 'permanent',
    en: [
      'VNC is stopped and the app does not know which address may connect.',
      'Enter your IP address or CIDR block (or detect it), then connect again.',
    ],
    zh: [
      'VNC 已停止，且应用不知道允许哪个地址连接。',
      '请填写你的 IP 地址或 CIDR 网段（或检测地址），然后再连接。',
    ],
    variants: {
      cli: {
        en: [
          'VNC is stopped and no address is remembered for this cluster.',
          'Give the address that may connect with --cidr, e.g. --cidr 203.0.113.7.',
        ],
        zh: [
          'VNC 已停止，且未记住此集群允许连接的地址。',
          '请用 --cidr 指定允许连接的地址，例如 --cidr 203.0.113.7。',
        ],
      },
    },
  },
  AddressDetection: {
    meaning:
      'Detecting the public address failed; the variant says how. {url} is the address asked.',
    retry: 'permanent',
    en: [
      'Could not detect your address.',
      'Enter your IP address yourself, or check the detection URL in Settings.',
    ],
    zh: ['无法检测你的地址。', '请自行填写 IP 地址，或在设置中检查检测地址。'],
    variants: {
      notConfigured: {
        en: [
          'No address-detection URL is set, so the app asks no outside service.',
          'Set an HTTPS URL that answers your address in Settings, or enter your address yourself.',
        ],
        zh: [
          '未设置地址检测网址，因此应用不会访问任何外部服务。',
          '请在设置中填写一个返回你地址的 HTTPS 网址，或自行填写地址。',
        ],
      },
      insecureUrl: {
        en: [
          'The address-detection URL must use HTTPS (HTTP only for this computer itself).',
          'Change it in Settings to an https:// URL.',
        ],
        zh: [
          '地址检测网址必须使用 HTTPS（仅本机地址可用 HTTP）。',
          '请在设置中改为 https:// 网址。',
        ],
      },
      unreachable: {
        en: [
          'The address-detection service did not answer.',
          'Check your connection and the URL in Settings, or enter your address yourself.',
        ],
        zh: ['地址检测服务没有响应。', '请检查网络和设置中的网址，或自行填写地址。'],
        retry: 'transient',
      },
      badAnswer: {
        en: [
          'The address-detection service did not answer with a single IP address.',
          'Use a URL that answers only your address as plain text, or enter your address yourself.',
        ],
        zh: [
          '地址检测服务返回的不是单个 IP 地址。',
          '请使用只以纯文本返回你地址的网址，或自行填写地址。',
        ],
      },
      notPublic: {
        en: [
          'The address-detection service answered a private or local address ({address}).',
          'Use a service on the internet that sees your public address, or enter it yourself.',
        ],
        zh: [
          '地址检测服务返回了私有或本地地址（{address}）。',
          '请使用能看到你公网地址的互联网服务，或自行填写地址。',
        ],
      },
    },
  },
};
