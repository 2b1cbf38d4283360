// The E-HPC 2018-04-12 operations the app calls, with state. Each returns the success body
// without RequestId (the server adds it) or throws an ApiError.
import { ApiError, incorrectCredential, invalidParams } from './errors';
import {
  cidrIp,
  existingCluster,
  pageOf,
  regionOf,
  pageParams,
  required,
  runningCluster,
  vncPort,
  type BusinessParams,
} from './params';
import { vncPasswordProblem } from './password-policy';
import { REGIONS } from './seed-data';
import { isVncRuleFor, vncRule, type ClusterStore } from './state';
import type { EmulatorClusterState } from './types';

export interface OperationContext {
  store: ClusterStore;
  now: () => Date;
}

type Body = Record<string, unknown>;
type Operation = (params: BusinessParams, ctx: OperationContext) => Body;

/** A cluster answers Message as a string, or as `{Msg}` in the older revision. */
const message = (cluster: EmulatorClusterState, text: string): Body => ({
  Message: cluster.legacyMessageShape ? { Msg: text } : text,
});

/** systemd's wording, e.g. `Mon 2024-03-04 10:21:33 CST`, in China Standard Time as on the cluster. */
function systemdTime(iso: string): string {
  const t = new Date(Date.parse(iso) + 8 * 3600 * 1000);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][t.getUTCDay()] ?? 'Mon';
  return `${day} ${t.toISOString().slice(0, 19).replace('T', ' ')} CST`;
}

const listRegions: Operation = () => ({ Regions: { RegionInfo: REGIONS.map((r) => ({ ...r })) } });

const listClusters: Operation = (params, { store }) => {
  const page = pageParams(params);
  const all = store.view(regionOf(params));
  return {
    PageNumber: page.pageNumber,
    PageSize: page.pageSize,
    TotalCount: all.length,
    Clusters: {
      ClusterInfoSimple: pageOf(all, page).map((c) => ({
        Id: c.id,
        Name: c.name,
        Description: c.description,
        Status: c.status,
        RegionId: c.regionId,
        ZoneId: c.zoneId,
        OsTag: c.osTag,
        SchedulerType: c.schedulerType,
        AccountType: c.accountType,
        DeployMode: c.deployMode,
        CreateTime: c.createTime,
        Count: c.count,
        InstanceChargeType: c.instanceChargeType,
      })),
    },
  };
};

const listUsers: Operation = (params, { store }) => {
  const cluster = runningCluster(store, params);
  const page = pageParams(params);
  const users = cluster.users.filter((u) => cluster.listsRoot || u.name !== 'root');
  return {
    PageNumber: page.pageNumber,
    PageSize: page.pageSize,
    TotalCount: users.length,
    Users: {
      UserInfo: pageOf(users, page).map((u) => ({
        Name: u.name,
        Group: u.group,
        AddTime: u.addTime,
      })),
    },
  };
};

/** ListNodes: only `Role=Login` is modelled (the app asks for nothing else). */
const listNodes: Operation = (params, { store }) => {
  const cluster = runningCluster(store, params);
  const page = pageParams(params);
  const role = params.Role;
  if (role !== undefined && !['Login', 'Manager', 'Compute'].includes(role)) {
    throw invalidParams('Role', 'It must be Manager, Login or Compute.');
  }
  const nodes = role === undefined || role === 'Login' ? cluster.loginNodes : [];
  return {
    PageNumber: page.pageNumber,
    PageSize: page.pageSize,
    TotalCount: nodes.length,
    Nodes: {
      NodeInfo: pageOf(nodes, page).map((n) => ({
        Id: n.id,
        HostName: n.hostName,
        Status: n.status,
        Roles: { Role: ['Login'] },
        IpAddress: n.ipAddress,
        ...(n.publicIpAddress ? { PublicIpAddress: n.publicIpAddress } : {}),
        ...(n.eipAddress ? { EipAddress: { IpAddress: n.eipAddress } } : {}),
      })),
    },
  };
};

const getVisualServiceStatus: Operation = (params, { store }) => {
  const cluster = runningCluster(store, params);
  const text =
    cluster.vnc === 'running'
      ? `active (running) since ${systemdTime(cluster.vncSince)}`
      : 'inactive (dead) , ws service is not running.';
  return message(cluster, text);
};

const startVisualService: Operation = (params, { store, now }) => {
  const cluster = runningCluster(store, params);
  const cidr = cidrIp(params);
  vncPort(params);
  const since = cluster.vnc === 'running' ? cluster.vncSince : now().toISOString();
  const has = cluster.rules.some((r) => isVncRuleFor(r, cidr));
  const rules = has ? cluster.rules : [...cluster.rules, vncRule(cidr)];
  store.update(cluster.id, { vnc: 'running', cidrIp: cidr, vncSince: since, rules });
  return message(cluster, 'Service started.');
};

const stopVisualService: Operation = (params, { store }) => {
  const cluster = runningCluster(store, params);
  const cidr = cidrIp(params);
  vncPort(params);
  // The service stops and the rule for this CidrIp goes; rules for other CIDRs stay.
  const rules = cluster.rules.filter((r) => !isVncRuleFor(r, cidr));
  store.update(cluster.id, { vnc: 'stopped', stopCidrIp: cidr, rules });
  return message(cluster, 'Service stopped');
};

const describeCluster: Operation = (params, { store }) => {
  const c = existingCluster(store, params);
  return {
    ClusterInfo: {
      Id: c.id,
      Name: c.name,
      Status: c.status,
      RegionId: c.regionId,
      ZoneId: c.zoneId,
      VpcId: `vpc-${c.id.replace(/^ehpc-/, '')}`,
      SecurityGroupId: c.securityGroupId,
    },
  };
};

const modifyVisualServicePasswd: Operation = (params, { store }) => {
  const cluster = runningCluster(store, params);
  const runas = required(params, 'RunasUser');
  const runasPassword = required(params, 'RunasUserPassword');
  const passwd = required(params, 'Passwd');
  const user = cluster.users.find((u) => u.name === runas);
  // One answer for an unknown user and a wrong password, so that neither can be probed.
  if (!user || user.password !== runasPassword) throw incorrectCredential();
  const problem = vncPasswordProblem(passwd);
  if (problem) throw invalidParams('Passwd', problem);
  store.update(cluster.id, { vncPassword: passwd });
  return message(cluster, 'Service started.');
};

const OPERATIONS: Record<string, Operation> = {
  ListRegions: listRegions,
  ListClusters: listClusters,
  ListUsers: listUsers,
  ListNodes: listNodes,
  GetVisualServiceStatus: getVisualServiceStatus,
  StartVisualService: startVisualService,
  StopVisualService: stopVisualService,
  ModifyVisualServicePasswd: modifyVisualServicePasswd,
  DescribeCluster: describeCluster,
};

export function runOperation(action: string, params: BusinessParams, ctx: OperationContext): Body {
  const op = Object.hasOwn(OPERATIONS, action) ? OPERATIONS[action] : undefined;
  if (!op) {
    throw new ApiError(
      404,
      'InvalidAction.NotFound',
      `Specified api is not found, please check your url and method.`,
    );
  }
  return op(params, ctx);
}
