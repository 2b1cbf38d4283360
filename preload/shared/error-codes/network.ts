// The app's codes for what happens on the way to E-HPC: sockets, DNS, TLS, unreadable answers.
import type { CodeEntry } from './entry';

export const NETWORK_CODES: Record<string, CodeEntry> = {
  'Network.Timeout': {
    meaning: 'No answer within the timeout (ETIMEDOUT, the SDK timeout); the call may have run.',
    retry: 'transient',
    en: [
      'E-HPC did not answer in time.',
      'Check your network connection, then refresh to see whether the operation took effect.',
    ],
    zh: ['E-HPC 未能及时响应。', '请检查网络连接，然后刷新以确认操作是否已生效。'],
    short: { en: 'E‑HPC did not answer in time', zh: 'E‑HPC 未能及时响应' },
  },
  'Network.Refused': {
    meaning: 'ECONNREFUSED: nothing listens at the endpoint.',
    retry: 'transient',
    en: [
      'The connection to the E-HPC endpoint was refused.',
      'Check the endpoint setting, your proxy and your firewall, then try again.',
    ],
    zh: ['与 E-HPC 端点的连接被拒绝。', '请检查端点设置、代理和防火墙后重试。'],
    short: { en: 'the connection was refused', zh: '连接被拒绝' },
  },
  'Network.Reset': {
    meaning: 'ECONNRESET, EPIPE: the connection dropped mid-call.',
    retry: 'transient',
    en: [
      'The connection to E-HPC was interrupted.',
      'Check your network connection and try again.',
    ],
    zh: ['与 E-HPC 的连接中断。', '请检查网络连接后重试。'],
    short: { en: 'the connection dropped', zh: '连接中断' },
  },
  'Network.DNS': {
    meaning: "ENOTFOUND, EAI_AGAIN: the endpoint's name does not resolve.",
    retry: 'transient',
    en: [
      "The E-HPC endpoint's host name could not be resolved.",
      'Check your internet connection and DNS, and that the region is right.',
    ],
    zh: ['无法解析 E-HPC 端点的主机名。', '请检查网络连接、DNS 以及地域是否正确。'],
    short: { en: 'the E‑HPC address could not be resolved', zh: '无法解析 E‑HPC 地址' },
  },
  'Network.TLS': {
    meaning: 'The TLS handshake or certificate check failed.',
    retry: 'permanent',
    en: [
      'The secure connection to E-HPC could not be verified.',
      "Check the computer's clock and any proxy that inspects HTTPS traffic, then try again.",
    ],
    zh: [
      '无法验证与 E-HPC 的安全连接。',
      '请检查本机时钟以及任何检查 HTTPS 流量的代理，然后重试。',
    ],
  },
  'Network.Unreachable': {
    meaning: 'EHOSTUNREACH, ENETUNREACH (also stands for other Network.* codes).',
    retry: 'transient',
    en: [
      'The E-HPC endpoint cannot be reached from this network.',
      'Check your network connection and proxy, then try again.',
    ],
    zh: ['当前网络无法访问 E-HPC 端点。', '请检查网络连接和代理后重试。'],
    short: { en: 'no network', zh: '没有网络' },
  },
  BadResponse: {
    meaning: 'The answer is not E-HPC JSON (an HTML page from a proxy, a body without a code).',
    retry: 'transient',
    en: [
      'E-HPC sent an answer the app could not read (a proxy or gateway may have replied instead).',
      'Try again later; if you use a proxy, check it.',
    ],
    zh: [
      'E-HPC 返回了无法解析的响应（可能是代理或网关代为应答）。',
      '请稍后重试；如使用代理，请检查代理。',
    ],
    short: { en: 'an unreadable answer (a proxy?)', zh: '无法解析的响应（可能是代理）' },
    variants: {
      // The status came with the page (errors.ts `badResponse`); the CLI shows the code as
      // `BadResponse (HTTP {status})`.
      httpStatus: {
        en: [
          "E-HPC's address answered with HTTP {status} and a page that is not from E-HPC (a proxy or gateway replied instead).",
          'Try again later; if you use a proxy, check it.',
        ],
        zh: [
          'E-HPC 地址返回了 HTTP {status} 和一个并非来自 E-HPC 的页面（可能是代理或网关代为应答）。',
          '请稍后重试；如使用代理，请检查代理。',
        ],
      },
    },
  },
  InsecureEndpoint: {
    meaning: 'An http:// endpoint that is not this computer: refused before anything is sent.',
    retry: 'permanent',
    en: [
      'The endpoint uses plain HTTP, which would expose requests and passwords on the network.',
      'Use an https:// endpoint; plain http:// is allowed only for this computer (127.0.0.1, localhost, [::1]).',
    ],
    zh: [
      '该端点使用明文 HTTP，会在网络上暴露请求和密码。',
      '请使用 https:// 端点；明文 http:// 仅允许用于本机（127.0.0.1、localhost、[::1]）。',
    ],
  },
};
