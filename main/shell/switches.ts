// Command-line switches that act on a running instance: `--stop <id>`, `--stop=<id>`,
// `--stop-all`, `--show`. A second launch hands them to the first instance, so they are parsed
// from whatever argv arrives (Chromium may add its own switches: those are ignored).
import { isValidClusterId } from '../../preload/shared/validation';

export interface Switches {
  stop?: string;
  stopAll?: true;
  show?: true;
  /** Switches that were recognised but refused (a malformed cluster ID), for the log. */
  invalid?: string[];
}

const STOP = '--stop';

export function parseSwitches(argv: readonly string[]): Switches {
  const out: Switches = {};
  const invalid: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--stop-all') out.stopAll = true;
    else if (arg === '--show') out.show = true;
    else if (arg === STOP || arg.startsWith(`${STOP}=`)) {
      const inline = arg.startsWith(`${STOP}=`);
      const value = inline ? arg.slice(STOP.length + 1) : argv[i + 1];
      if (!inline && value !== undefined && !value.startsWith('-')) i++;
      if (value !== undefined && !value.startsWith('-') && isValidClusterId(value)) {
        out.stop = value;
      } else {
        invalid.push(STOP);
      }
    }
  }
  if (invalid.length > 0) out.invalid = invalid;
  return out;
}

/** Whether the switches ask for anything (a bare second launch just shows the window). */
export function hasAction(switches: Switches): boolean {
  return Boolean(switches.stop || switches.stopAll || switches.show);
}

/** What a second launch passes to `requestSingleInstanceLock` (Chromium may reorder its argv). */
export interface LaunchData {
  argv: string[];
}

export function launchData(argv: readonly string[]): LaunchData {
  return { argv: argv.slice(1, 64) };
}

/**
 * The switches of a second launch: from the data it handed over when that is well-formed,
 * from the argv Electron reports otherwise. Anything odd in the data is ignored, not trusted.
 */
export function switchesFromSecondInstance(
  argv: readonly string[],
  additionalData: unknown,
): Switches {
  const data = additionalData as { argv?: unknown } | null | undefined;
  const handed = data && typeof data === 'object' ? data.argv : undefined;
  if (
    Array.isArray(handed) &&
    handed.length <= 64 &&
    handed.every((a): a is string => typeof a === 'string' && a.length <= 256)
  ) {
    return parseSwitches(handed);
  }
  return parseSwitches(argv);
}
