import { readFile, readdir } from 'node:fs/promises';

/** Linux USER_HZ: /proc reports CPU time in ticks of 10 ms. */
const TICK_MS = 10;

/** utime + stime of one process from /proc/<pid>/stat in ms; null where it is gone or /proc is missing. */
export async function processCpuMs(pid: number | undefined): Promise<number | null> {
  if (pid === undefined) return null;
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (stat === null) return null;
  // The command name may contain spaces: the numeric fields start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime, stime
}

/** CPU time of a process and its direct children (a clustered node's workers), in ms. */
export async function processTreeCpuMs(pid: number | undefined): Promise<number | null> {
  const own = await processCpuMs(pid);
  if (own === null || pid === undefined) return own;
  const pids = (await readdir('/proc').catch(() => [] as string[])).filter((name) => /^[0-9]+$/.test(name));
  let total = own;
  for (const candidate of pids) {
    const stat = await readFile(`/proc/${candidate}/stat`, 'utf8').catch(() => null);
    if (stat === null) continue;
    // After "pid (comm) ": state, then ppid.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (parent === pid) total += (await processCpuMs(Number(candidate))) ?? 0;
  }
  return total;
}

/** CPU time of all processes named `postgres` (server, backends, WAL writer…), in ms. */
export function postgresCpuMs(): Promise<number> {
  return namedProcessCpuMs('postgres');
}

/** CPU time of all processes with this command name (e.g. `postgres`, `redis-server`), in ms. */
export async function namedProcessCpuMs(name: string): Promise<number> {
  const pids = (await readdir('/proc').catch(() => [] as string[])).filter((entry) => /^[0-9]+$/.test(entry));
  let total = 0;
  for (const pid of pids) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
    if (stat === null || !stat.includes(`(${name})`)) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    total += (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  }
  return total;
}

/** Busy and total CPU time of the whole machine (all cores), in ms. */
async function machineCpuMs(): Promise<{ busy: number; total: number } | null> {
  const stat = await readFile('/proc/stat', 'utf8').catch(() => null);
  const line = stat?.split('\n')[0];
  if (line === undefined || !line.startsWith('cpu ')) return null;
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0); // user…steal; guest time is inside user
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0); // idle + iowait
  return { busy: (total - idle) * TICK_MS, total: total * TICK_MS };
}

export interface CpuSnapshot {
  readonly wallMs: number;
  readonly machine: { busy: number; total: number } | null;
  readonly node: number | null;
  readonly postgres: number;
  /** This process: the load generator (autocannon) during a run. */
  readonly loadGenerator: number;
}

export async function cpuSnapshot(nodePid: number | undefined): Promise<CpuSnapshot> {
  const usage = process.cpuUsage();
  return {
    wallMs: performance.now(),
    machine: await machineCpuMs(),
    node: await processTreeCpuMs(nodePid),
    postgres: await postgresCpuMs(),
    loadGenerator: (usage.user + usage.system) / 1000,
  };
}

/** Where the CPU went between two snapshots, in cores (1.0 = one core fully busy). */
export interface CpuUse {
  readonly cores: number;
  readonly machineBusyCores: number | null;
  readonly nodeCores: number | null;
  readonly postgresCores: number;
  readonly loadGeneratorCores: number;
  /** Busy outside the node, postgres and the load generator: other processes, interrupts. */
  readonly otherCores: number | null;
}

export function cpuUse(before: CpuSnapshot, after: CpuSnapshot, cores: number): CpuUse {
  const wall = after.wallMs - before.wallMs;
  const per = (a: number, b: number): number => (b - a) / wall;
  const machineBusyCores = before.machine && after.machine ? per(before.machine.busy, after.machine.busy) : null;
  const nodeCores = before.node !== null && after.node !== null ? per(before.node, after.node) : null;
  const postgresCores = per(before.postgres, after.postgres);
  const loadGeneratorCores = per(before.loadGenerator, after.loadGenerator);
  return {
    cores,
    machineBusyCores,
    nodeCores,
    postgresCores,
    loadGeneratorCores,
    otherCores:
      machineBusyCores === null || nodeCores === null ? null : Math.max(0, machineBusyCores - nodeCores - postgresCores - loadGeneratorCores),
  };
}

/**
 * Waits until the machine is quiet (less than `maxBusyCores` busy over a 1 s window, e.g. once the
 * kernel has written back a bulk load), at most `timeoutMs`. Returns the last busy reading in cores.
 */
export async function quiesce(maxBusyCores = 0.25, timeoutMs = 10_000): Promise<number | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const before = await machineCpuMs();
    await new Promise((r) => setTimeout(r, 1_000));
    const after = await machineCpuMs();
    if (before === null || after === null) return null;
    const busy = (after.busy - before.busy) / 1_000;
    if (busy < maxBusyCores || Date.now() > deadline) return busy;
  }
}
