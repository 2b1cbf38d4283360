// The options every command takes, and the help text every command ends with (exit codes and
// environment variables): one place, so `--help` of each command says the same.
import { Option, type Command } from 'commander';
import { CLI_VERSION } from './version';

export interface GlobalOptions {
  profile?: string;
  region?: string;
  endpoint?: string;
  timeout?: string;
  json?: boolean;
  yes?: boolean;
}

/** --timeout, in seconds. The default is the E-HPC client's (main/core/ehpc/client.ts). */
export const TIMEOUT_BOUNDS = { min: 1, max: 600, default: 15 } as const;

export function addGlobalOptions(program: Command): Command {
  return program
    .addOption(
      new Option(
        '--profile <name>',
        "whose AccessKey: one keychain entry per profile (default: the app's active profile)",
      ).env('ALIBABA_CLOUD_PROFILE'),
    )
    .addOption(
      new Option('--region <id>', 'region ID (default: the remembered one)').env(
        'ALIBABA_CLOUD_REGION_ID',
      ),
    )
    .addOption(
      new Option('--endpoint <url>', 'E-HPC endpoint URL (http only for loopback)').env(
        'EHPC_VNC_ENDPOINT',
      ),
    )
    .addOption(
      new Option(
        '--timeout <seconds>',
        `timeout of each request, ${TIMEOUT_BOUNDS.min} to ${TIMEOUT_BOUNDS.max} seconds; a request that times out is not sent again, a read is retried once`,
      ).default(String(TIMEOUT_BOUNDS.default), String(TIMEOUT_BOUNDS.default)),
    )
    .option('--json', 'print only the result as JSON on stdout; errors as one JSON line on stderr')
    .option(
      '--yes',
      'confirm what would need it: a wide CIDR (0.0.0.0/0, ::/0, an IPv4 prefix shorter than /16)',
    )
    .version(CLI_VERSION, '-V, --version', 'print the version');
}

export const EXIT_CODES_HELP = `
Exit codes:
  0    done
  1    E-HPC or the network failed (retry later; a stop may be pending)
  2    invalid usage or input, or a prompt ended with Ctrl-D: nothing was sent
  3    no AccessKey, E-HPC rejected it, or no keychain: run \`ehpc-vnc login\`
  4    status --all --exit-code only: VNC is running on some cluster
  130  cancelled with Ctrl-C`;

export const ENVIRONMENT_HELP = `
Environment:
  ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET
                         an AccessKey that wins over the keychain (for servers, CI, SSH)
  ALIBABA_CLOUD_SECURITY_TOKEN   with a temporary (STS) AccessKey
  ALIBABA_CLOUD_PROFILE          the profile (as --profile; else the app's active one)
  ALIBABA_CLOUD_REGION_ID        the region (as --region)
  EHPC_VNC_ENDPOINT              the endpoint (as --endpoint)
  EHPC_VNC_CONFIG_DIR            where the settings live
  HTTPS_PROXY, NO_PROXY          a proxy for E-HPC, and hosts that skip it (either case)
  NODE_EXTRA_CA_CERTS            a PEM file of CAs to trust too (a proxy that inspects HTTPS)`;

/** The end of every command's --help: its examples, then the shared sections. */
export function helpFooter(examples: readonly string[]): string {
  const lines = examples.map((e) => `  $ ${e}`).join('\n');
  return `\nExamples:\n${lines}\n${EXIT_CODES_HELP}\n${ENVIRONMENT_HELP}\n`;
}
