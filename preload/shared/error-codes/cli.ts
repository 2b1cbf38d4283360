// The CLI's own codes (Usage, Cancelled) and its wordings of other codes: a terminal has no
// buttons, so where the app's text says "Generate" or "refresh", the CLI names the command.
// `CLI_WORDINGS[code].cli` words the code itself; `cli` + the variant's name (cliPasswordLength)
// words one of its variants. The registry merges them into the entries' variants.
import { CLI_CREDENTIAL_WORDINGS } from './cli-credentials';
import type { CodeEntry, Variant } from './entry';

const HELP = 'See `ehpc-vnc --help`.';
const HELP_ZH = '请查看 `ehpc-vnc --help`。';
const NOTHING_DONE = 'Run the command again when ready.';
const NOTHING_DONE_ZH = '准备好后请重新运行该命令。';

export const CLI_CODES: Record<string, CodeEntry> = {
  Usage: {
    meaning: 'The command line is wrong (CLI only): nothing was sent.',
    retry: 'permanent',
    en: ['The command line is not valid.', HELP],
    zh: ['命令行无效。', HELP_ZH],
    variants: {
      // {detail}: the parser's words (an unknown option, a missing argument).
      parser: { en: ['The command line is not valid.', HELP], zh: ['命令行无效。', HELP_ZH] },
      // The same for one command's options: its own help, which lists them ({command}).
      parserCommand: {
        en: ['The command line is not valid.', 'See `ehpc-vnc {command} --help`.'],
        zh: ['命令行无效。', '请查看 `ehpc-vnc {command} --help`。'],
      },
      eof: {
        en: ['Nothing entered (Ctrl-D): nothing was done.', NOTHING_DONE],
        zh: ['未输入内容（Ctrl-D）：未执行任何操作。', NOTHING_DONE_ZH],
      },
      empty: {
        en: ['Nothing entered: nothing was done.', NOTHING_DONE],
        zh: ['未输入内容：未执行任何操作。', NOTHING_DONE_ZH],
      },
      differ: {
        en: ['The two entries differ: nothing was done.', 'Run the command again.'],
        zh: ['两次输入不一致：未执行任何操作。', '请重新运行该命令。'],
      },
      // {what}: the value expected ("access key id").
      stdin: {
        en: ['Expected {what} on stdin.', 'Pipe one value per line, or run it in a terminal.'],
        zh: ['标准输入中缺少 {what}。', '请每行提供一个值，或在终端中运行。'],
      },
      stopTarget: {
        en: ['Give a cluster ID, or --all.', 'For example: `ehpc-vnc stop ehpc-hz-FYUr32****`.'],
        zh: ['请提供集群 ID 或 --all。', '例如：`ehpc-vnc stop ehpc-hz-FYUr32****`。'],
      },
      statusTarget: {
        en: ['Give a cluster ID, or --all.', 'For example: `ehpc-vnc status --all`.'],
        zh: ['请提供集群 ID 或 --all。', '例如：`ehpc-vnc status --all`。'],
      },
      statusBoth: {
        en: ['Give a cluster ID or --all, not both.', HELP],
        zh: ['请只提供集群 ID 或 --all 其中之一。', HELP_ZH],
      },
      stopBoth: {
        en: ['Give a cluster ID or --all, not both.', HELP],
        zh: ['请只提供集群 ID 或 --all 其中之一。', HELP_ZH],
      },
      // stop --all finds every CIDR itself: a --cidr beside it used to be dropped without a word.
      // {cidr}: the block given to --cidr.
      wideCidr: {
        en: [
          '{cidr} lets a very wide range of addresses (or the whole Internet) reach VNC: nothing was sent.',
          'Give your own address (e.g. 203.0.113.7), or add --yes if you mean it.',
        ],
        zh: [
          '{cidr} 允许非常大范围的地址（或整个互联网）访问 VNC：未发送任何请求。',
          '请填写您自己的地址（如 203.0.113.7），如确有需要请加 --yes。',
        ],
      },
      // {action}: what followed `auth`.
      authAction: {
        en: ['"{action}" is not an auth action.', 'Use `ehpc-vnc auth status`.'],
        zh: ['“{action}”不是 auth 的操作。', '请使用 `ehpc-vnc auth status`。'],
      },
      // {shell}: what was given.
      shell: {
        en: ['"{shell}" is not a shell the CLI completes.', 'Use bash, zsh, fish or powershell.'],
        zh: ['不支持为“{shell}”生成补全。', '请使用 bash、zsh、fish 或 powershell。'],
      },
    },
  },
  EnvOverride: {
    meaning: 'A warning of `ehpc-vnc login`: the environment AccessKey wins over the stored one.',
    retry: 'permanent',
    en: [
      'ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET are set in this environment, so they are used instead of the key stored now.',
      'Unset them to use the stored key.',
    ],
    zh: [
      '当前环境中设置了 ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET，将优先使用它们，而不是现在保存的密钥。',
      '如需使用保存的密钥，请取消设置这些变量。',
    ],
  },
  Cancelled: {
    meaning: 'Ctrl-C at a prompt or during a command (CLI only; exit 130).',
    retry: 'permanent',
    en: ['Cancelled.', 'Nothing more is sent.'],
    zh: ['已取消。', '不会再发送任何请求。'],
    variants: {
      // {count}: journalled stops, retried by `ehpc-vnc pending --retry` and by the app.
      journalled: {
        en: [
          'Cancelled.',
          '{count} stop(s) are recorded as pending: run `ehpc-vnc pending --retry` (the app also retries them).',
        ],
        zh: [
          '已取消。',
          '{count} 个停止操作已记录为待处理：请运行 `ehpc-vnc pending --retry`（应用也会重试）。',
        ],
      },
    },
  },
};

const CHECK_STATE = 'Run `ehpc-vnc status <clusterId>` to see whether it took effect.';
const CHECK_STATE_ZH = '请运行 `ehpc-vnc status <集群ID>` 确认操作是否已生效。';
const OTHER_PASSWORD = 'Choose another password (8–30 characters, 3 kinds of character).';
const OTHER_PASSWORD_ZH = '请换一个密码（8–30 个字符，包含 3 类字符）。';

/** The CLI's wordings of codes whose app text names a button or the window. */
export const CLI_WORDINGS: Record<string, Record<string, Variant>> = {
  ...CLI_CREDENTIAL_WORDINGS,
  NoCredentials: {
    cli: {
      en: [
        'No AccessKey is set up yet.',
        'Run `ehpc-vnc login`, or set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET.',
      ],
      zh: [
        '尚未设置 AccessKey。',
        '请运行 `ehpc-vnc login`，或设置 ALIBABA_CLOUD_ACCESS_KEY_ID 和 ALIBABA_CLOUD_ACCESS_KEY_SECRET。',
      ],
    },
  },
  KeychainUnavailable: {
    cli: {
      en: [
        'Cannot reach the system keychain to keep the AccessKey.',
        'Where there is none (SSH, a server), set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET instead.',
      ],
      zh: [
        '无法访问系统钥匙串来保存 AccessKey。',
        '在没有钥匙串的环境（SSH、服务器）中，请改为设置 ALIBABA_CLOUD_ACCESS_KEY_ID 和 ALIBABA_CLOUD_ACCESS_KEY_SECRET。',
      ],
    },
  },
  PendingStop: {
    cli: {
      en: [
        'The stop is not confirmed yet.',
        'Recorded as a pending stop: run `ehpc-vnc pending --retry` to retry it (the app also retries it when it starts).',
      ],
      zh: [
        '停止操作尚未确认。',
        '已记录为待处理的停止：运行 `ehpc-vnc pending --retry` 重试（应用启动时也会重试）。',
      ],
    },
  },
  InvalidClusterStatus: {
    cli: {
      en: [
        "The cluster's current state does not allow this operation.",
        'Wait until the cluster is running (`ehpc-vnc clusters`), then try again.',
      ],
      zh: ['集群当前状态不允许此操作。', '请等待集群进入运行状态（`ehpc-vnc clusters`）后重试。'],
    },
  },
  ClusterNotFound: {
    cli: {
      en: [
        'The cluster does not exist in this region.',
        'List the clusters with `ehpc-vnc clusters`, or give another --region.',
      ],
      zh: ['此地域中不存在该集群。', '请用 `ehpc-vnc clusters` 列出集群，或指定其他 --region。'],
    },
  },
  PartFailure: {
    cli: {
      en: ['Part of the operation failed.', `${CHECK_STATE} Then retry what failed.`],
      zh: ['操作部分失败。', `${CHECK_STATE_ZH}然后重试失败的部分。`],
    },
  },
  'Network.Timeout': {
    cli: {
      en: [
        'E-HPC did not answer in time.',
        `Check your network connection, or give a longer --timeout. After start, stop or passwd: ${CHECK_STATE}`,
      ],
      zh: [
        'E-HPC 未能及时响应。',
        `请检查网络连接，或指定更长的 --timeout。若是 start、stop 或 passwd：${CHECK_STATE_ZH}`,
      ],
    },
  },
  InvalidInput: {
    cliVncPasswordMissing: {
      en: ['The new VNC password is missing.', 'Enter a new VNC password.'],
      zh: ['缺少新的 VNC 密码。', '请输入新的 VNC 密码。'],
    },
    cliPasswordLength: {
      en: ['The VNC password must be 8 to 30 characters long.', OTHER_PASSWORD],
      zh: ['VNC 密码长度必须为 8 到 30 个字符。', OTHER_PASSWORD_ZH],
    },
    cliPasswordClasses: {
      en: [
        'The VNC password needs at least three of: upper case letters, lower case letters, digits, special characters.',
        OTHER_PASSWORD,
      ],
      zh: ['VNC 密码至少需要包含大写字母、小写字母、数字、特殊字符中的 3 种。', OTHER_PASSWORD_ZH],
    },
    cliPasswordCharset: {
      en: [
        "The VNC password may contain only letters, digits and these characters: ()~!@#$%^&*-_+=|{}[]:;'/<>,.?",
        OTHER_PASSWORD,
      ],
      zh: [
        "VNC 密码只能包含字母、数字和这些字符：()~!@#$%^&*-_+=|{}[]:;'/<>,.?",
        OTHER_PASSWORD_ZH,
      ],
    },
    cliClusterId: {
      en: [
        'Not a valid E-HPC cluster ID.',
        'A cluster ID looks like ehpc-hz-FYUr32****; see `ehpc-vnc clusters`.',
      ],
      zh: [
        '这不是有效的 E-HPC 集群 ID。',
        '集群 ID 形如 ehpc-hz-FYUr32****；见 `ehpc-vnc clusters`。',
      ],
    },
    cliCidrIp: {
      en: [
        '--cidr is not an IPv4 or IPv6 address or CIDR block.',
        'Give one such as 203.0.113.7, 203.0.113.0/24 or 2001:db8::7.',
      ],
      zh: [
        '--cidr 不是 IPv4 或 IPv6 地址或 CIDR 网段。',
        '请填写如 203.0.113.7、203.0.113.0/24 或 2001:db8::7 的值。',
      ],
    },
    cliRunasUser: {
      en: [
        '--user is not a valid user name.',
        'Give a Linux user name on the cluster, such as root.',
      ],
      zh: ['--user 不是有效的用户名。', '请填写集群上的 Linux 用户名，如 root。'],
    },
    cliAccessKeyId: {
      en: [
        'That is not an AccessKey ID.',
        'An AccessKey ID has 8 to 128 letters and digits (LTAI…).',
      ],
      zh: ['这不是 AccessKey ID。', 'AccessKey ID 由 8 到 128 个字母和数字组成（LTAI…）。'],
    },
    cliAccessKeySecret: {
      en: ['That is not an AccessKey Secret.', 'Paste the Secret shown with the AccessKey ID.'],
      zh: ['这不是 AccessKey Secret。', '请粘贴与 AccessKey ID 一起显示的 Secret。'],
    },
    cliRegionId: {
      en: ['That is not a region ID.', 'Use an ID such as cn-hangzhou (see `ehpc-vnc regions`).'],
      zh: ['这不是地域 ID。', '请使用 cn-hangzhou 这样的 ID（见 `ehpc-vnc regions`）。'],
    },
    // {profile}: what --profile or ALIBABA_CLOUD_PROFILE gave.
    cliProfile: {
      en: [
        '"{profile}" is not a profile name.',
        'Use letters, digits, ".", "_" and "-" (up to 64), such as work or default.',
      ],
      zh: [
        '“{profile}”不是有效的配置名。',
        '请使用字母、数字、“.”、“_”和“-”（最多 64 个），如 work 或 default。',
      ],
    },
    cliRunasPassword: {
      en: ['The run-as password is not valid.', 'Enter the password of the user on the cluster.'],
      zh: ['运行用户密码无效。', '请输入该用户在集群上的密码。'],
    },
    // {field}: the request field (a value none of the above covers).
    cliOther: {
      en: ['The value of {field} is not valid.', 'See the command’s --help for what it takes.'],
      zh: ['{field} 的值无效。', '请查看该命令的 --help 了解其取值。'],
    },
  },
};
