// The E-HPC 2018-04-12 client: the eight operations the app uses, signed by the official SDK,
// with the app's timeouts, retries and error model. Reads go as GET with a query; writes go as
// POST with every parameter in the form body, so RunasUserPassword and Passwd never appear in a
// URL (URLs end up in proxy logs and in the SDK's own error messages).
import type {
  ActionResult,
  ClusterSummary,
  ClusterUser,
  Region,
  VncStatus,
} from '../../../preload/shared/contract';
import { isValidCidrIp, isValidClusterId, VNC_PORT } from '../../../preload/shared/validation';
import { appError } from '../app-error';
import { toAppError } from '../errors';
import { resolveEndpoint } from './endpoint';
import {
  compact,
  dedupeBy,
  listIn,
  messageOf,
  requestIdOf,
  toClusterSummary,
  toClusterUser,
  toRegion,
  totalCountOf,
} from './mappers';
import { toLoginNode, type LoginNode } from './node-mapper';
import { fetchAllPages } from './paging';
import { resolvePolicy, withRetry } from './retry';
import {
  createSdkTransport,
  type HttpMethod,
  type RpcParams,
  type RpcTransport,
} from './sdk-transport';
import type { EhpcClientOptions, RetryPolicy } from './types';
import { parseVncMessage, vncMessageText } from './vnc-status';

export const DEFAULT_TIMEOUT_MS = 15_000;
export const MAX_PAGE_SIZE = 50;
export const DEFAULT_CONCURRENCY = 20;

const READ_ONLY_ACTIONS = new Set([
  'DescribeCluster',
  'ListRegions',
  'ListClusters',
  'ListUsers',
  'GetVisualServiceStatus',
  'ListNodes',
]);

const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

export interface ListClustersOptions {
  /** Clusters the caller expects (e.g. from its cache): their pages are requested with page 1. */
  expectedTotal?: number;
  pageSize?: number;
  concurrency?: number;
}

export interface ListClustersResult {
  clusters: ClusterSummary[];
  totalCount: number;
  requestId?: string;
}

type Body = Record<string, unknown>;

export class EhpcClient {
  private readonly regionId: string;
  private readonly transport: RpcTransport;
  private readonly policy: RetryPolicy;
  private readonly opts: EhpcClientOptions;

  constructor(opts: EhpcClientOptions) {
    const { accessKeyId, accessKeySecret } = opts.credentials;
    if (!accessKeyId || !accessKeySecret) {
      throw appError('InvalidInput', { variant: 'accessKeyMissing' });
    }
    const endpoint = resolveEndpoint(opts.regionId, opts.endpoint);
    const timeoutMs =
      opts.timeoutMs !== undefined && opts.timeoutMs > 0 ? opts.timeoutMs : DEFAULT_TIMEOUT_MS;
    this.opts = opts;
    this.regionId = opts.regionId;
    this.policy = resolvePolicy(opts.retry);
    this.transport = createSdkTransport({
      credentials: opts.credentials,
      endpoint,
      timeoutMs,
      regionId: opts.regionId,
    });
  }

  /**
   * Proves the AccessKey works here with exactly one signed ListClusters call (page 1, 50 rows).
   * When that page holds the whole list it is returned too, so the caller can cache it.
   * Throws the mapped error: SignatureDoesNotMatch, InvalidAccessKeyId.*, NotAuthorized, ...
   */
  async verifyCredentials(): Promise<{ page?: ListClustersResult }> {
    const body = await this.call('ListClusters', 'GET', { PageNumber: 1, PageSize: MAX_PAGE_SIZE });
    const clusters = dedupeBy(
      compact(
        listIn(body, 'Clusters', 'ClusterInfoSimple').map((c) =>
          toClusterSummary(c, this.regionId),
        ),
      ),
      (c) => c.id,
    );
    const totalCount = totalCountOf(body) ?? clusters.length;
    if (totalCount > clusters.length) return {};
    const page: ListClustersResult = { clusters, totalCount };
    const requestId = requestIdOf(body);
    if (requestId) page.requestId = requestId;
    return { page };
  }

  async listRegions(): Promise<Region[]> {
    const body = await this.call('ListRegions', 'GET', {});
    return compact(listIn(body, 'Regions', 'RegionInfo').map(toRegion));
  }

  async listClusters(opts: ListClustersOptions = {}): Promise<ListClustersResult> {
    const pageSize = clampPageSize(opts.pageSize);
    const { pages, totalCount } = await fetchAllPages(
      async (pageNumber) => {
        const body = await this.call('ListClusters', 'GET', {
          PageNumber: pageNumber,
          PageSize: pageSize,
        });
        return {
          items: listIn(body, 'Clusters', 'ClusterInfoSimple'),
          totalCount: totalCountOf(body),
          requestId: requestIdOf(body),
        };
      },
      {
        pageSize,
        concurrency: opts.concurrency ?? DEFAULT_CONCURRENCY,
        expectedTotal: opts.expectedTotal,
      },
    );
    const all = compact(
      pages.flatMap((p) => p.items.map((c) => toClusterSummary(c, this.regionId))),
    );
    const clusters = dedupeBy(all, (c) => c.id);
    const result: ListClustersResult = { clusters, totalCount: totalCount ?? clusters.length };
    const requestId = pages[0]?.requestId;
    if (requestId) result.requestId = requestId;
    return result;
  }

  async listUsers(clusterId: string): Promise<ClusterUser[]> {
    checkClusterId(clusterId);
    const { pages } = await fetchAllPages(
      async (pageNumber) => {
        const body = await this.call('ListUsers', 'GET', {
          ClusterId: clusterId,
          PageNumber: pageNumber,
          PageSize: MAX_PAGE_SIZE,
        });
        return { items: listIn(body, 'Users', 'UserInfo'), totalCount: totalCountOf(body) };
      },
      { pageSize: MAX_PAGE_SIZE, concurrency: DEFAULT_CONCURRENCY },
    );
    const users = compact(pages.flatMap((p) => p.items.map(toClusterUser)));
    return dedupeBy(users, (u) => u.name);
  }

  /** The cluster's login nodes (`Role=Login`), every page, with their addresses. */
  async listLoginNodes(clusterId: string): Promise<LoginNode[]> {
    checkClusterId(clusterId);
    const { pages } = await fetchAllPages(
      async (pageNumber) => {
        const body = await this.call('ListNodes', 'GET', {
          RegionId: this.regionId,
          ClusterId: clusterId,
          Role: 'Login',
          PageNumber: pageNumber,
          PageSize: MAX_PAGE_SIZE,
        });
        return { items: listIn(body, 'Nodes', 'NodeInfo'), totalCount: totalCountOf(body) };
      },
      { pageSize: MAX_PAGE_SIZE, concurrency: DEFAULT_CONCURRENCY },
    );
    return compact(pages.flatMap((p) => p.items.map(toLoginNode)));
  }

  async getVncStatus(clusterId: string): Promise<VncStatus> {
    checkClusterId(clusterId);
    const body = await this.call('GetVisualServiceStatus', 'GET', { ClusterId: clusterId });
    const status: VncStatus = {
      clusterId,
      vnc: parseVncMessage(body.Message),
      message: messageOf({ Message: vncMessageText(body.Message) }),
      checkedAt: new Date().toISOString(),
    };
    const requestId = requestIdOf(body);
    if (requestId) status.requestId = requestId;
    return status;
  }

  /** The cluster's security group: the one whose 12016 rules say who can reach VNC. */
  async describeClusterSecurityGroup(clusterId: string): Promise<string | undefined> {
    checkClusterId(clusterId);
    const body = await this.call('DescribeCluster', 'GET', { ClusterId: clusterId });
    const info = body.ClusterInfo;
    const sg =
      typeof info === 'object' && info !== null
        ? (info as Record<string, unknown>).SecurityGroupId
        : undefined;
    return typeof sg === 'string' && /^sg-[\w-]{1,80}$/.test(sg) ? sg : undefined;
  }

  startVnc(clusterId: string, cidrIp: string): Promise<ActionResult> {
    return this.visualServiceAction('StartVisualService', clusterId, cidrIp);
  }

  stopVnc(clusterId: string, cidrIp: string): Promise<ActionResult> {
    return this.visualServiceAction('StopVisualService', clusterId, cidrIp);
  }

  async modifyVncPassword(p: {
    clusterId: string;
    runasUser: string;
    runasUserPassword: string;
    passwd: string;
  }): Promise<ActionResult> {
    checkClusterId(p.clusterId);
    if (!p.runasUser) throw appError('InvalidInput', { variant: 'runasUserMissing' });
    if (!p.runasUserPassword) {
      throw appError('InvalidInput', { variant: 'runasPasswordMissing' });
    }
    if (!p.passwd) throw appError('InvalidInput', { variant: 'vncPasswordMissing' });
    const body = await this.call(
      'ModifyVisualServicePasswd',
      'POST',
      {
        ClusterId: p.clusterId,
        RunasUser: p.runasUser,
        RunasUserPassword: p.runasUserPassword,
        Passwd: p.passwd,
      },
      [p.runasUserPassword, p.passwd],
    );
    return actionResult(p.clusterId, body);
  }

  private async visualServiceAction(
    action: 'StartVisualService' | 'StopVisualService',
    clusterId: string,
    cidrIp: string,
  ): Promise<ActionResult> {
    checkClusterId(clusterId);
    if (!isValidCidrIp(cidrIp)) {
      throw appError('InvalidInput', { variant: 'cidrIp' });
    }
    const body = await this.call(action, 'POST', {
      ClusterId: clusterId,
      CidrIp: cidrIp,
      Port: VNC_PORT,
    });
    return actionResult(clusterId, body);
  }

  /** One operation with retries; every failure leaves as an AppError without secrets. */
  private call(
    action: string,
    method: HttpMethod,
    params: RpcParams,
    secrets: readonly string[] = [],
  ): Promise<Body> {
    const redact = [
      ...secrets,
      this.opts.credentials.accessKeySecret,
      ...(this.opts.credentials.securityToken ? [this.opts.credentials.securityToken] : []),
    ];
    return withRetry(async () => (await this.transport(action, method, params)).body, {
      action,
      readOnly: READ_ONLY_ACTIONS.has(action),
      policy: this.policy,
      sleep: this.opts.sleep ?? defaultSleep,
      random: this.opts.random ?? Math.random,
      toError: (err) => toAppError(err, { action, redact }),
      onAttempt: this.opts.onAttempt,
    });
  }
}

function clampPageSize(size: number | undefined): number {
  if (size === undefined || !Number.isFinite(size)) return MAX_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(size)));
}

function checkClusterId(clusterId: string): void {
  if (!isValidClusterId(clusterId)) throw appError('InvalidInput', { variant: 'clusterId' });
}

function actionResult(clusterId: string, body: Body): ActionResult {
  const result: ActionResult = { clusterId, message: messageOf(body) };
  const requestId = requestIdOf(body);
  if (requestId) result.requestId = requestId;
  return result;
}
