// E-HPC's regions as its endpoint page lists them (shared/ehpc-api.md), in one place: the main
// process lists them beside ListRegions on a first exposure check (a head start; ListRegions
// decides), and the window offers them when ListRegions cannot be asked (signed out) or fails.
export const DOCUMENTED_EHPC_REGIONS: readonly string[] = [
  'cn-hangzhou',
  'cn-shanghai',
  'cn-beijing',
  'cn-qingdao',
  'cn-zhangjiakou',
  'cn-huhehaote',
  'cn-wulanchabu',
  'cn-shenzhen',
  'cn-heyuan',
  'cn-guangzhou',
  'cn-chengdu',
  'cn-hongkong',
  'cn-wuhan-lr',
  'ap-northeast-1',
  'ap-southeast-1',
  'ap-southeast-5',
];
