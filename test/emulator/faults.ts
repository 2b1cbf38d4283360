// Injected faults: rules are tried in order of injection and the first that matches a request
// is consumed (one use of its `times`), so a test can script "fail twice, then succeed".
import type { Fault, FaultRule } from './types';

interface LiveRule {
  rule: FaultRule;
  left: number;
}

export class FaultQueue {
  private rules: LiveRule[] = [];

  inject(rule: FaultRule): void {
    const times = rule.times ?? Infinity;
    if (!(times > 0)) throw new Error('emulator: a fault rule needs times > 0');
    this.rules.push({ rule, left: times });
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for this request, if any, consuming one use of its rule. */
  take(action: string, clusterId: string | undefined): Fault | undefined {
    const hit = this.rules.find(
      ({ rule }) =>
        (rule.action === undefined || rule.action === action) &&
        (rule.clusterId === undefined || rule.clusterId === clusterId),
    );
    if (!hit) return undefined;
    hit.left -= 1;
    if (hit.left <= 0) this.rules = this.rules.filter((r) => r !== hit);
    return hit.rule.fault;
  }
}

/**
 * A `gate` fault and the key to it: requests it matches wait until the test calls `open()`, so
 * a slow path stays open exactly as long as the test needs to look, however loaded the machine.
 * Opened, they are answered normally, or with the `then` fault (a failure seen in flight first).
 */
export function gate(then?: Fault): { fault: Fault; open(): void } {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { fault: { kind: 'gate', opened, ...(then ? { then } : {}) }, open };
}
