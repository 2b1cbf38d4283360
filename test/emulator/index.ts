// The E-HPC 2018-04-12 emulator: a loopback server the app's real client can be tested against.
// See README.md beside this file for the seeded data and the behaviours it emulates.
export { startEmulator, EMULATOR_KEY, API_VERSION } from './server';
export { gate } from './faults';
export { ECS_API_VERSION } from './ecs-operations';
export { vncRule } from './state';
export {
  DEFAULT_USERS,
  REGIONS,
  clusterIdFor,
  elsewhereClusters,
  generatedClusters,
  regionalClusters,
  BENCH_REGIONS,
  sampleClusters,
} from './seed-data';
export { signV3, type SignV3Input, type SignedRequest } from './sign';
export { sendRaw, type RawRequest, type RawResponse } from './raw-client';
export type {
  Emulator,
  EmulatorAccessKey,
  EmulatorClusterState,
  EmulatorNode,
  EmulatorOptions,
  EmulatorRule,
  EmulatorUser,
  Fault,
  FaultRule,
  RecordedRequest,
  SeedCluster,
  SeedUser,
} from './types';
