// The app's own codes for its own conditions: credentials, keychain, settings, the platform,
// quitting, the command line, the IPC bridge.
import type { CodeEntry } from './entry';

export const APP_CODES: Record<string, CodeEntry> = {
  NoCredentials: {
    meaning: 'No AccessKey in the environment or the keychain.',
    retry: 'permanent',
    en: [
      'No AccessKey is set up yet.',
      'Connect your Alibaba Cloud account with an AccessKey ID and Secret.',
    ],
    zh: ['尚未设置 AccessKey。', '请使用 AccessKey ID 和 Secret 连接阿里云账号。'],
  },
  KeychainUnavailable: {
    meaning:
      'The OS keychain cannot be reached (locked, absent, no D-Bus session); the variant is the platform.',
    retry: 'transient',
    en: [
      'Cannot reach the system keychain to keep the AccessKey.',
      'Unlock or install a keychain service, or use the environment variables instead.',
    ],
    zh: ['无法访问系统钥匙串来保存 AccessKey。', '请解锁或安装钥匙串服务，或改用环境变量。'],
    short: { en: 'the keychain was locked', zh: '钥匙串已锁定' },
    variants: {
      darwin: {
        en: [
          'Cannot reach the macOS Keychain to keep the AccessKey.',
          'Unlock your login keychain in Keychain Access, then try again.',
        ],
        zh: [
          '无法访问 macOS 钥匙串来保存 AccessKey。',
          '请在“钥匙串访问”中解锁登录钥匙串，然后重试。',
        ],
      },
      win32: {
        en: [
          'Cannot reach Windows Credential Manager to keep the AccessKey.',
          'Make sure Windows Credential Manager is available for your account, then try again.',
        ],
        zh: [
          '无法访问 Windows 凭据管理器来保存 AccessKey。',
          '请确认你的账户可以使用 Windows 凭据管理器，然后重试。',
        ],
      },
      linux: {
        en: [
          'Cannot reach the Secret Service (GNOME Keyring or KWallet) to keep the AccessKey.',
          'Install and unlock a Secret Service keyring (gnome-keyring or KWallet) in a desktop session with D-Bus, then try again. The AccessKey is never stored in a plain file.',
        ],
        zh: [
          '无法访问 Secret Service（GNOME Keyring 或 KWallet）来保存 AccessKey。',
          '请在带有 D-Bus 的桌面会话中安装并解锁 Secret Service 钥匙串（gnome-keyring 或 KWallet），然后重试。AccessKey 绝不会保存在明文文件中。',
        ],
      },
    },
  },
  Unsupported: {
    meaning:
      'The feature is not available in this process (the CLI has no clipboard, no login item).',
    retry: 'permanent',
    en: ['This is not available here.', 'Use the E-HPC VNC Tray app for it.'],
    zh: ['此处不支持该功能。', '请在 E-HPC VNC Tray 应用中使用。'],
    variants: {
      loginItem: {
        en: [
          'Starting at login cannot be set up from here.',
          'Change it in the E-HPC VNC Tray app.',
        ],
        zh: ['无法在此设置登录时启动。', '请在 E-HPC VNC Tray 应用中更改。'],
      },
      clipboard: {
        en: ['Copying is not available here.', 'Select the password and copy it yourself.'],
        zh: ['此处无法复制。', '请选中密码后自行复制。'],
      },
    },
  },
  SettingsUnwritable: {
    meaning:
      'settings.json cannot be read or written, or its lock is held too long; {file} is its path.',
    retry: 'permanent',
    en: [
      'Cannot read or write the settings file {file}.',
      'Make sure its folder exists and is writable by you, or set EHPC_VNC_CONFIG_DIR to a writable folder.',
    ],
    zh: [
      '无法读写设置文件 {file}。',
      '请确认其所在文件夹存在且你有写入权限，或将 EHPC_VNC_CONFIG_DIR 设为可写的文件夹。',
    ],
    variants: {
      busy: {
        en: [
          'The settings file {file} stayed locked by another E-HPC VNC Tray or ehpc-vnc.',
          'Try again; if it keeps happening, delete settings.json.lock in that folder.',
        ],
        zh: [
          '设置文件 {file} 一直被另一个 E-HPC VNC Tray 或 ehpc-vnc 锁定。',
          '请重试；如仍出现，请删除该文件夹中的 settings.json.lock。',
        ],
      },
    },
  },
  SettingsFileIsSymlink: {
    meaning:
      'A symbolic link stands where settings.json or cluster-cache.json should be; it is never followed.',
    retry: 'permanent',
    en: [
      'The settings file {file} is a symbolic link, and E-HPC VNC Tray does not follow links for its settings files.',
      'Delete the link (or replace it with a regular file), then try again.',
    ],
    zh: [
      '设置文件 {file} 是一个符号链接，E-HPC VNC Tray 不会跟随其设置文件的链接。',
      '请删除该链接（或换成普通文件），然后重试。',
    ],
  },
  AutostartUnwritable: {
    meaning: 'The login item (Linux autostart file, macOS/Windows login items) cannot be changed.',
    retry: 'permanent',
    en: [
      'Cannot change the login item {file}.',
      'Make sure the folder is writable by you, then try again.',
    ],
    zh: ['无法更改登录项 {file}。', '请确认你对该文件夹有写入权限，然后重试。'],
    variants: {
      refused: {
        en: [
          'The system refused to change the login items.',
          'Check the login items in the system settings, then try again.',
        ],
        zh: ['系统拒绝更改登录项。', '请在系统设置中检查登录项，然后重试。'],
      },
    },
  },
  PendingStop: {
    meaning:
      'Not a code on the wire: the wording of a stop kept in the journal (AppErrorInfo.pendingStop), whose action replaces the cause’s.',
    retry: 'transient',
    en: [
      'The stop is not confirmed yet.',
      'The stop is kept as pending and retried automatically when the network is back and at the next start; you can also retry it from the list of pending stops.',
    ],
    zh: [
      '停止尚未得到确认。',
      '该停止已记为待确认，网络恢复时以及下次启动时会自动重试；你也可以在待确认的停止列表中手动重试。',
    ],
  },
  Interrupted: {
    meaning: 'A stop cut off by quitting before E-HPC answered; kept in the pending-stop journal.',
    retry: 'transient',
    en: [
      'The app quit before E-HPC confirmed the stop.',
      'Nothing to do: the stop is retried at the next launch.',
    ],
    zh: ['E-HPC 确认停止之前应用已退出。', '无需操作：下次启动时会重试停止。'],
    short: { en: 'the app quit before E‑HPC answered', zh: 'E‑HPC 应答前应用已退出' },
  },
  NotConfirmed: {
    meaning:
      'Main asked the user (a native dialog, or the CLI’s rule) before exposing VNC or using a remembered run-as password, and the answer was no.',
    retry: 'permanent',
    en: ['Nothing was changed: you did not confirm it.', 'Try again and confirm if you meant it.'],
    zh: ['未作任何更改：你没有确认。', '如确有此意，请重试并确认。'],
    variants: {
      start: {
        en: [
          'VNC was not started: opening it to {cidr} was not confirmed.',
          'Start it again and choose Start VNC in the confirmation, or enter a narrower CidrIp.',
        ],
        zh: [
          '未启动 VNC：未确认向 {cidr} 开放。',
          '请重新启动，并在确认框中选择“启动 VNC”，或填写更小的 CidrIp 范围。',
        ],
      },
      wideHeadless: {
        en: [
          'VNC was not started: {cidr} would open it to a large part of the internet.',
          'Enter a narrower CidrIp (your own address, or a /16 or smaller block), or confirm with --yes.',
        ],
        zh: [
          '未启动 VNC：{cidr} 会向互联网的很大一部分开放。',
          '请填写更小的 CidrIp（你自己的地址，或 /16 及更小的网段），或使用 --yes 确认。',
        ],
      },
      password: {
        en: [
          'The VNC password was not changed: using the remembered password of {user} was not confirmed.',
          'Try again and choose Change password in the confirmation, or enter the password of {user} yourself.',
        ],
        zh: [
          '未修改 VNC 密码：未确认使用已记住的 {user} 密码。',
          '请重试并在确认框中选择“修改密码”，或自行输入 {user} 的密码。',
        ],
      },
    },
  },
  Usage: {
    meaning: 'The command line is wrong (CLI only; the message is the parser’s).',
    retry: 'permanent',
    en: ['The command line is not valid.', 'See `ehpc-vnc --help`.'],
    zh: ['命令行无效。', '请查看 `ehpc-vnc --help`。'],
  },
  'Ipc.UntrustedSender': {
    meaning: 'An IPC message not from the top frame of the app window: refused unread.',
    retry: 'permanent',
    en: [
      'This request did not come from the app window, so it was refused.',
      'Use the E-HPC VNC Tray window.',
    ],
    zh: ['此请求并非来自应用窗口，已被拒绝。', '请使用 E-HPC VNC Tray 窗口。'],
  },
  'Bridge.Unavailable': {
    meaning: 'The page got no Result from window.ehpc (the main process did not answer).',
    retry: 'transient',
    en: [
      'The app’s background process did not answer.',
      'Close the window and open it again from the tray.',
    ],
    zh: ['应用的后台进程没有响应。', '请关闭窗口，再从托盘重新打开。'],
  },
  Internal: {
    meaning: 'A bug: something thrown that is not an AppError nor a known SDK or socket error.',
    retry: 'permanent',
    en: [
      'Something unexpected went wrong in the app.',
      'Try again; if it keeps happening, report it with the steps that led to it.',
    ],
    zh: ['应用内部出现意外错误。', '请重试；如仍出现，请报告问题并说明操作步骤。'],
    variants: {
      // A handler that threw past the table's own catch, at the IPC registration.
      ipc: {
        en: [
          'Something went wrong inside the app.',
          'Try again; restart the app if it keeps happening.',
        ],
        zh: ['应用内部出错。', '请重试；如仍出现，请重启应用。'],
        retry: 'transient',
      },
    },
  },
};
