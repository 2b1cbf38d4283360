// InvalidInput: a value the app refuses before anything is sent. One code, and a wording per
// value, chosen by the call site with `appError('InvalidInput', { variant, params })`.
import type { CodeEntry } from './entry';

const FIX = 'Correct the value and try again.';
const FIX_ZH = '请更正后重试。';
const ENDPOINT_FORM = 'Enter it as https://host[:port].';
const ENDPOINT_FORM_ZH = '请按 https://主机[:端口] 的格式输入。';

export const INPUT_CODES: Record<string, CodeEntry> = {
  InvalidInput: {
    meaning: 'A value refused by the app before anything is sent (the variant says which).',
    retry: 'permanent',
    en: ['A value is not valid.', FIX],
    zh: ['某个值无效。', FIX_ZH],
    variants: {
      // A request that failed its IPC schema: {field} names the field, {problem} is zod's words.
      field: { en: ['{field}: {problem}', FIX], zh: ['{field} 的值无效。', FIX_ZH] },
      request: { en: ['The request is not valid: {problem}', FIX], zh: ['请求无效。', FIX_ZH] },
      requestEmpty: { en: ['The request is not valid.', FIX], zh: ['请求无效。', FIX_ZH] },
      unexpectedFields: {
        en: ['The request has unexpected fields.', FIX],
        zh: ['请求包含多余的字段。', FIX_ZH],
      },
      setting: { en: ['The setting is not valid.', FIX], zh: ['该设置无效。', FIX_ZH] },
      settingField: {
        en: ['The setting `{field}` is not valid.', FIX],
        zh: ['设置 `{field}` 无效。', FIX_ZH],
      },
      clusterId: {
        en: ['Not a valid E-HPC cluster ID.', 'Pick the cluster again.'],
        zh: ['这不是有效的 E-HPC 集群 ID。', '请重新选择集群。'],
      },
      regionId: {
        en: ['"{region}" is not a valid region ID.', 'Use an ID such as cn-hangzhou.'],
        zh: ['“{region}”不是有效的地域 ID。', '请使用 cn-hangzhou 这样的地域 ID。'],
      },
      /** An AccessKey profile name (one keychain item per profile). */
      profile: {
        en: [
          'That is not a profile name.',
          'Use letters, digits, ".", "_" and "-" (up to 64), starting with a letter or digit.',
        ],
        zh: [
          '这不是有效的配置名。',
          '请使用字母、数字、“.”、“_”和“-”（最多 64 个），以字母或数字开头。',
        ],
      },
      /** A process given its profile (the CLI's --profile) does not change the settings' one. */
      profileFixed: {
        en: [
          'This process was given its profile (--profile or ALIBABA_CLOUD_PROFILE).',
          'Change the active profile in the app, or run without --profile.',
        ],
        zh: [
          '此进程已指定配置（--profile 或 ALIBABA_CLOUD_PROFILE）。',
          '请在应用中更改当前配置，或不带 --profile 运行。',
        ],
      },
      /** The CLI's --region (ehpc-vnc only). */
      cliRegion: {
        en: [
          '"{region}" is not a region ID.',
          'Use an ID such as cn-hangzhou (see `ehpc-vnc regions`).',
        ],
        zh: ['“{region}”不是地域 ID。', '请使用 cn-hangzhou 这样的 ID（见 `ehpc-vnc regions`）。'],
      },
      /** The CLI's --timeout (ehpc-vnc only). */
      cliTimeout: {
        en: ['--timeout takes a number of seconds from 1 to 600.', FIX],
        zh: ['--timeout 的值须为 1 到 600 之间的秒数。', FIX_ZH],
      },
      runasUser: {
        en: ['Not a valid user name.', 'Enter the Linux user name on the cluster.'],
        zh: ['用户名无效。', '请输入集群上的 Linux 用户名。'],
      },
      runasUserMissing: {
        en: ['The run-as user is missing.', 'Enter the Linux user name on the cluster.'],
        zh: ['缺少运行用户。', '请输入集群上的 Linux 用户名。'],
      },
      runasPasswordMissing: {
        en: ['The run-as password is empty.', 'Enter the password of the user on the cluster.'],
        zh: ['运行用户密码为空。', '请输入该用户在集群上的密码。'],
      },
      /** {user}: the run-as user; for a password neither typed nor remembered. */
      runasPasswordNeeded: {
        en: [
          'Enter the password of {user} on the cluster.',
          'E-HPC needs the run-as user’s password to set the VNC password.',
        ],
        zh: ['请输入 {user} 在集群上的密码。', 'E-HPC 需要运行用户的密码才能设置 VNC 密码。'],
      },
      vncPasswordMissing: {
        en: ['The new VNC password is missing.', 'Enter a new VNC password or use Generate.'],
        zh: ['缺少新的 VNC 密码。', '请输入新的 VNC 密码，或使用“生成”。'],
      },
      passwordLength: {
        en: [
          'The VNC password must be 8 to 30 characters long.',
          'Choose another password or use Generate.',
        ],
        zh: ['VNC 密码长度必须为 8 到 30 个字符。', '请换一个密码，或使用“生成”。'],
      },
      passwordClasses: {
        en: [
          'The VNC password needs at least three of: upper case letters, lower case letters, digits, special characters.',
          'Choose another password or use Generate.',
        ],
        zh: [
          'VNC 密码至少需要包含大写字母、小写字母、数字、特殊字符中的 3 种。',
          '请换一个密码，或使用“生成”。',
        ],
      },
      passwordCharset: {
        en: [
          "The VNC password may contain only letters, digits and these characters: ()~!@#$%^&*-_+=|{}[]:;'/<>,.?",
          'Choose another password or use Generate.',
        ],
        zh: [
          "VNC 密码只能包含字母、数字和这些字符：()~!@#$%^&*-_+=|{}[]:;'/<>,.?",
          '请换一个密码，或使用“生成”。',
        ],
      },
      accessKeyMissing: {
        en: [
          'Both the AccessKey ID and the AccessKey secret are needed.',
          'Enter both and try again.',
        ],
        zh: ['需要同时提供 AccessKey ID 和 AccessKey Secret。', '请填写两者后重试。'],
      },
      cidrIp: {
        en: [
          'Enter an IPv4 or IPv6 address or CIDR block that may reach VNC.',
          'Use an address like 203.0.113.7 or 2001:db8::7, or a block like 203.0.113.0/24.',
        ],
        zh: [
          '请输入允许访问 VNC 的 IPv4 或 IPv6 地址或网段。',
          '请使用 203.0.113.7、2001:db8::7 这样的地址或 203.0.113.0/24 这样的网段。',
        ],
      },
      /** {clusterId}: a journalled stop whose CidrIp is not known (StopVisualService needs it). */
      noCidrKnown: {
        en: [
          'No CIDR block is known for {clusterId}, so its stop cannot be sent.',
          'Stop it with the address or CIDR block VNC was started with.',
        ],
        zh: [
          '不知道 {clusterId} 的 CIDR 网段，因此无法发送停止请求。',
          '请使用启动 VNC 时的地址或网段来停止它。',
        ],
      },
      /** {clusterId}: a stop asked without a CidrIp, and none remembered from the start. */
      noCidrRemembered: {
        en: [
          'No CIDR block is remembered for {clusterId}.',
          'Give the address or CIDR block VNC was started with (StopVisualService needs it).',
        ],
        zh: [
          '没有记住 {clusterId} 的 CIDR 网段。',
          '请提供启动 VNC 时使用的地址或网段（StopVisualService 需要它）。',
        ],
      },
      endpointUrl: {
        en: ['The endpoint is not a valid URL.', ENDPOINT_FORM],
        zh: ['端点不是有效的 URL。', ENDPOINT_FORM_ZH],
      },
      endpointScheme: {
        en: ['The endpoint must start with https://.', ENDPOINT_FORM],
        zh: ['端点必须以 https:// 开头。', ENDPOINT_FORM_ZH],
      },
      endpointExtra: {
        en: [
          'The endpoint must be a host and an optional port only.',
          'Remove any path, query or user name from it.',
        ],
        zh: ['端点只能包含主机名和可选的端口。', '请删除其中的路径、查询参数或用户名。'],
      },
      endpointNoHost: {
        en: ['The endpoint has no host.', ENDPOINT_FORM],
        zh: ['端点缺少主机名。', ENDPOINT_FORM_ZH],
      },
      // The value is never shown: a proxy URL may carry a password.
      proxyUrl: {
        en: [
          'The {name} environment variable is not a proxy URL this tool can use.',
          'Set it to http://host:port (or https://, with user:password@ if the proxy needs it), or unset it.',
        ],
        zh: [
          '环境变量 {name} 不是本工具可用的代理 URL。',
          '请将其设置为 http://主机:端口（或 https://，代理需要认证时加上 用户名:密码@），或删除该变量。',
        ],
      },
    },
  },
};
