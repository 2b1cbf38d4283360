// Which E-HPC endpoint the window talks to. Alibaba Cloud's, unless the app was started with the
// developer switch `--dev-endpoint` AND EHPC_VNC_ENDPOINT names another: a variable left over in
// a shell profile (for the CLI, say) is not enough to send the AccessKey's signed requests
// elsewhere. While an override is in effect the window shows its host in a badge (the session's
// `endpointOverride`). The CLI keeps its own --endpoint and EHPC_VNC_ENDPOINT (docs/CLI.md).
export const DEV_ENDPOINT_SWITCH = '--dev-endpoint';
export const ENDPOINT_ENV = 'EHPC_VNC_ENDPOINT';

export interface WindowEndpoint {
  /** The override to use; absent for Alibaba Cloud's own endpoint. */
  endpoint?: string;
  /** The environment for the core, without the variable when it is not to be honoured. */
  env: NodeJS.ProcessEnv;
  /** Set when EHPC_VNC_ENDPOINT was present and ignored (for the log). */
  ignored?: true;
}

export function windowEndpoint(argv: readonly string[], env: NodeJS.ProcessEnv): WindowEndpoint {
  const wanted = env[ENDPOINT_ENV]?.trim();
  const { [ENDPOINT_ENV]: _dropped, ...rest } = env;
  if (!wanted) return { env: rest };
  if (argv.includes(DEV_ENDPOINT_SWITCH)) return { endpoint: wanted, env: rest };
  return { env: rest, ignored: true };
}
