// The AccessKey: login (checked with one call, then kept in the keychain), logout, and
// `auth status` / `whoami` (which key is in use, from where, for which region and endpoint).
import type { CommandSpec, Context } from '../command-spec';
import { ExitCode } from '../exit-codes';
import { printJson, printTable } from '../output';
import { askLine, askSecret } from '../prompts';

const ENV_KEY_VARS = ['ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET'];

export const login: CommandSpec = {
  usage: 'login',
  summary: 'save an AccessKey in the system keychain, after checking it (stdin: ID, then Secret)',
  examples: [
    'ehpc-vnc login',
    'printf \'%s\\n%s\\n\' "$AK_ID" "$AK_SECRET" | ehpc-vnc login --region cn-hangzhou',
  ],
  async run(ctx) {
    if (ENV_KEY_VARS.some((v) => ctx.env[v])) {
      const { describeError } = await ctx.runtime();
      const text = describeError({ code: 'EnvOverride' });
      const message = `${text.message} ${text.action}`;
      // Under --json, stderr holds JSON lines only, so a script can parse all of it.
      ctx.io.stderr.write(
        ctx.json
          ? `${JSON.stringify({ warning: { code: 'EnvOverride', message } })}\n`
          : `warning: ${message}\n`,
      );
    }
    const accessKeyId = await askLine(ctx.io, ctx.lines, 'AccessKey ID: ');
    const accessKeySecret = await askSecret(ctx.io, ctx.lines, 'AccessKey Secret: ');
    const { validated } = await ctx.runtime();
    const service = await ctx.service();
    const regionId = ctx.global.region ?? service.getPreferences().regionId;
    const session = await service.signIn(
      validated('signIn', { accessKeyId, accessKeySecret, regionId }),
    );
    if (ctx.json) printJson(ctx.io, session);
    else if (session.source === 'env')
      // The session is the environment's key: its masked ID is not the one just stored.
      ctx.io.stdout.write(
        `Saved the AccessKey in the system keychain (region ${session.regionId}); ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET are used while they are set.\n`,
      );
    else
      ctx.io.stdout.write(
        `Signed in as ${session.accessKeyIdMasked}; the AccessKey is in the system keychain (region ${session.regionId}).\n`,
      );
    return ExitCode.Ok;
  },
};

export const logout: CommandSpec = {
  usage: 'logout',
  summary: 'remove the AccessKey (and remembered run-as passwords) from the keychain',
  examples: [
    'ehpc-vnc logout',
    'ehpc-vnc logout --keep-cluster-passwords',
    'ehpc-vnc stop --all && ehpc-vnc logout',
  ],
  options: (c) =>
    c.option('--keep-cluster-passwords', 'keep the remembered run-as passwords of clusters'),
  async run(ctx, _args, opts) {
    const keep = opts.keepClusterPasswords === true;
    const session = await (await ctx.service()).signOut({ removeRunasPasswords: !keep });
    if (ctx.json) printJson(ctx.io, session);
    else if (session.source === 'env')
      ctx.io.stdout.write(
        'Removed the stored AccessKey; ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET in the environment are still used.\n',
      );
    else ctx.io.stdout.write('Signed out: the AccessKey is removed from the system keychain.\n');
    if (!ctx.json && !keep) ctx.io.stdout.write('Remembered run-as passwords are removed too.\n');
    return ExitCode.Ok;
  },
};

const SOURCE_WORDS = {
  env: 'environment (ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET)',
  keychain: 'system keychain',
  sdk: 'Alibaba Cloud CLI/SDK credentials (~/.aliyun/config.json, ~/.alibabacloud/credentials, RAM role, OIDC)',
  none: 'none',
} as const;

/** `auth status` and `whoami`: exit 0 when a key is set up, 3 when none is. */
async function authStatus(ctx: Context): Promise<number> {
  const { resolveEndpoint, describeError } = await ctx.runtime();
  const session = await (await ctx.service()).getSession();
  const endpoint = resolveEndpoint(session.regionId, ctx.global.endpoint);
  const url = `${endpoint.protocol}://${endpoint.host}`;
  const result = {
    signedIn: session.signedIn,
    profile: session.profile,
    source: session.source,
    accessKeyId: session.accessKeyIdMasked ?? null,
    regionId: session.regionId,
    endpoint: url,
    keychainAvailable: session.keychainAvailable,
  };
  if (ctx.json) printJson(ctx.io, result);
  else
    printTable(ctx.io, [
      ['Profile', result.profile],
      ['Source', SOURCE_WORDS[session.source]],
      ['AccessKey ID', result.accessKeyId ?? '-'],
      ['Region', result.regionId],
      ['Endpoint', url],
      ['Keychain', session.keychainAvailable ? 'available' : 'not available'],
    ]);
  if (session.signedIn) return ExitCode.Ok;
  if (!ctx.json) {
    const text = describeError({ code: 'NoCredentials', variant: 'cli' });
    ctx.io.stderr.write(`${text.message} ${text.action}\n`);
  }
  return ExitCode.Credentials;
}

export const auth: CommandSpec = {
  usage: 'auth <action>',
  summary: 'auth status: which AccessKey is in use, from where, for which region and endpoint',
  examples: ['ehpc-vnc auth status', 'ehpc-vnc auth status --json'],
  async run(ctx, [action]) {
    if (action !== 'status') {
      const { usageError } = await import('../cli-error');
      throw usageError('authAction', { action: action ?? '' });
    }
    return authStatus(ctx);
  },
};

export const whoami: CommandSpec = {
  usage: 'whoami',
  summary: 'the same as `auth status`',
  examples: ['ehpc-vnc whoami', 'ehpc-vnc whoami --profile work --json'],
  run: authStatus,
};
