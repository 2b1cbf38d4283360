// A stop that closes every way in, not only the one this app opened: one StopVisualService per
// CIDR found in the cluster's 12016 rules, plus the remembered CidrIp and one given (`--cidr`);
// then, where the rules had any, they are read again and any still there is reported (a rule
// that was not there before the stop cannot be "still" there: no second read, no round trip).
// Only when no CIDR is known at all is the user asked for one. Each stop is journalled before it
// is sent (journalled-stops.ts).
import type { ActionResult } from '../../preload/shared/contract';
import { sameCidr } from './exposure-rules';
import { RegionClients, type EndpointLimits, type ExposureModel, type Reach } from './exposure';
import { noCidrRemembered, type JournalledStops } from './journalled-stops';
import type { AccountSession } from './account-session';
import type { Settings } from './settings';

export interface ExposureStopDeps {
  settings: Settings;
  session: AccountSession;
  stops: JournalledStops;
  model: ExposureModel;
}

export interface StopOptions {
  /** A CIDR the caller adds (`--cidr`, the journal's). */
  given?: string;
  /** Who can reach it, when the caller has just read it (stop-all): not read again before. */
  known?: Reach;
  clients?: RegionClients;
  /**
   * Ends a confirmed stop's journal entry; a batch (stop-all) passes one that collects them, to
   * end the whole wave's entries in one write. Its entries are journalled by the batch too.
   */
  settle?: (clusterId: string) => void;
  /** A batch's per-endpoint bounds (stop-all): each stop and re-read goes through its own. */
  limits?: EndpointLimits;
}

export class ExposureStops {
  /** One stop per cluster at a time: repeated clicks join it (one StopVisualService per CIDR). */
  private readonly inFlight = new Map<string, Promise<ActionResult>>();

  constructor(private readonly deps: ExposureStopDeps) {}

  stop(clusterId: string, regionId: string, opts: StopOptions = {}): Promise<ActionResult> {
    let flight = this.inFlight.get(clusterId);
    if (!flight) {
      flight = this.run(clusterId, regionId, opts).finally(() => this.inFlight.delete(clusterId));
      this.inFlight.set(clusterId, flight);
    }
    return flight;
  }

  private async run(clusterId: string, regionId: string, opts: StopOptions): Promise<ActionResult> {
    const { settings, stops, model, session } = this.deps;
    const remembered = settings.peek().clusters[clusterId]?.cidrIp;
    // Sent last, so that the CidrIp given (or remembered) is the one E-HPC heard last.
    const known = [remembered, opts.given].filter((c): c is string => Boolean(c));
    const first = opts.given ?? remembered;
    // Journalled before anything goes on the wire: offline, the stop is still owed. An entry
    // already there (a retry) keeps its attempts.
    const journalled = () => stops.journal.find(clusterId) !== undefined;
    if (first && !journalled()) stops.journal.begin({ clusterId, regionId, cidrIp: first });
    const clients = opts.clients ?? new RegionClients(session);
    const reach = opts.known ?? (await model.reach(clusterId, regionId, clients));
    const cidrs: string[] = [];
    for (const cidr of [...(reach.cidrs ?? []).map((c) => c.cidr), ...known]) {
      if (!cidrs.some((c) => sameCidr(c, cidr))) cidrs.push(cidr);
    }
    if (cidrs.length === 0) throw noCidrRemembered(clusterId);
    let last: ActionResult | undefined;
    const limit = opts.limits?.ehpc(regionId) ?? ((task) => task());
    for (const cidrIp of cidrs) {
      const target = { clusterId, regionId, cidrIp };
      if (!journalled()) stops.journal.begin(target);
      last = await limit(() =>
        stops.send(
          target,
          () => clients.ehpcFor(regionId),
          // The batch's collector only for the last CIDR: before it, the entry must stay owed.
          opts.settle && cidrIp === cidrs[cidrs.length - 1] ? opts.settle : undefined,
        ),
      );
    }
    const result: ActionResult = { ...(last as ActionResult), cidrsClosed: cidrs };
    // Read again: a rule the stops did not remove (another port range, a console rule) is said.
    if (reach.cidrs !== null && reach.cidrs.length > 0) {
      const after = await model.reach(clusterId, regionId, clients, opts.limits);
      if (after.cidrs && after.cidrs.length > 0) result.stillOpen = after.cidrs.map((c) => c.cidr);
    }
    return result;
  }
}
