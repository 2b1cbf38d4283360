// What a command is: its usage line, words for --help, examples, options, and what it does. Each
// command is a module in commands/; program.ts registers them, one line each.
import type { Command } from 'commander';
import type { ClusterList } from '../../preload/shared/contract';
import type { AppService } from '../core/app-service';
import type { GlobalOptions } from './global-options';
import type { CliIO } from './output';
import type { StdinLines } from './prompts';

export type Runtime = typeof import('./runtime');

export interface Context {
  io: CliIO;
  env: NodeJS.ProcessEnv;
  global: GlobalOptions;
  json: boolean;
  lines: StdinLines;
  /** The core and validation, imported on first use. */
  runtime(): Promise<Runtime>;
  /** The service, built once on first use (after the runtime). */
  service(): Promise<AppService>;
  /** The cached cluster list without the core when it can be read so; else undefined. */
  cachedClusters(): Promise<ClusterList | undefined>;
}

export interface CommandSpec {
  /** Commander's usage: `status <clusterId>`. */
  usage: string;
  aliases?: readonly string[];
  summary: string;
  examples: readonly string[];
  options?: (command: Command) => Command;
  run(ctx: Context, args: string[], opts: Record<string, unknown>): Promise<number>;
}
