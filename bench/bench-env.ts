/** The only bench file that reads the environment. */
export const benchEnv = {
  /** PATH for the child processes the benchmarks start (nothing else of this environment is passed on). */
  path: process.env['PATH'] ?? '/usr/bin:/bin',
  /** Diagnostics: resize the profiled node's PostgreSQL pool. */
  poolMax: process.env['BENCH_POOL_MAX'] ?? '',
  /** Diagnostics: where the profiled node writes its CPU profile. */
  cpuProfile: process.env['BENCH_CPU_PROFILE'] ?? '',
  /** Diagnostics: Node.js flags for the first creditor node of the proposal-delivery benchmark (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"). */
  nodeFlags: (process.env['BENCH_NODE_FLAGS'] ?? '').split(' ').filter(Boolean),
};

/** The whole environment, for the profiled node, which reads its configuration like main.ts does. */
export function processEnv(): Readonly<Record<string, string | undefined>> {
  return process.env;
}
