// How a network-bound row is judged. Elapsed time is round trips plus CPU (signing, parsing, the
// emulator itself in this process); a row passes while it stays within half a round trip of its
// target, i.e. it spent no extra round trip.
import type { Verdict } from './report';

export const RTT_SLACK = 0.5;

export function withinRtt(appRtt: number, targetRtt: number): Verdict {
  return appRtt <= targetRtt + RTT_SLACK ? 'PASS' : 'MISS';
}

export function atMost(value: number, limit: number): Verdict {
  return value <= limit ? 'PASS' : 'MISS';
}
