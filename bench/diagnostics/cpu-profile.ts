/** Reads a V8 .cpuprofile and says where the time went: by package/source and by function. */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileLine {
  readonly name: string;
  readonly ms: number;
  readonly share: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  readonly idleMs: number;
  /** Self time by package (node_modules/<pkg>), app or lib file, Node built-in, GC. */
  readonly selfBySource: ProfileLine[];
  readonly selfByFunction: ProfileLine[];
  /**
   * Every sample charged to the nearest frame on its stack that belongs to a package or to our code,
   * so native work (socket writes, JSON) and Node internals count for whoever asked for them.
   */
  readonly byOwner: ProfileLine[];
  /** Time inside (self + callees) a few functions that mark the phases of a request. */
  readonly inclusive: ProfileLine[];
}

function sourceOf(frame: ProfileNode['callFrame']): string {
  const url = frame.url;
  if (url === '') {
    return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  }
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + '/node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1] ?? ''}` : (parts[0] ?? url);
  }
  const app = /\/dist\/((?:apps|libs|test|bench)\/.*)$/.exec(url);
  if (app?.[1] !== undefined) return app[1].replace(/\.js$/, '');
  if (url.startsWith('node:')) return url;
  return url;
}

function frameName(frame: ProfileNode['callFrame']): string {
  return `${frame.functionName || '(anonymous)'} ${sourceOf(frame)}:${frame.lineNumber + 1}`;
}

function top(map: Map<string, number>, total: number, count: number): ProfileLine[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => ({ name, ms: us / 1000, share: total === 0 ? 0 : us / total }));
}

/** `markers`: function names whose inclusive time is reported (e.g. discloseClaimsOfResident). */
export function summarizeProfile(profile: CpuProfile, markers: readonly { label: string; match: (frame: ProfileNode['callFrame']) => boolean }[]): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

  let total = 0;
  let idle = 0;
  const bySource = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const byOwner = new Map<string, number>();
  for (const [id, us] of self) {
    const node = byId.get(id);
    if (node === undefined) continue;
    if (node.callFrame.functionName === '(idle)') {
      idle += us;
      continue;
    }
    total += us;
    const source = sourceOf(node.callFrame);
    bySource.set(source, (bySource.get(source) ?? 0) + us);
    const name = frameName(node.callFrame);
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    // Inclusive: every marker found on this stack gets the sample once.
    const hit = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (frame === undefined) break;
      for (const marker of markers) if (marker.match(frame)) hit.add(marker.label);
    }
    for (const label of hit) inclusive.set(label, (inclusive.get(label) ?? 0) + us);
    let owner: string | undefined;
    for (let at: number | undefined = id; at !== undefined && owner === undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (frame === undefined) break;
      const frameSource = sourceOf(frame);
      if (frame.url !== '' && !frameSource.startsWith('node:')) owner = frameSource;
    }
    const ownerName = owner ?? (source.startsWith('(') ? source : 'Node.js internals only');
    byOwner.set(ownerName, (byOwner.get(ownerName) ?? 0) + us);
  }
  return {
    totalMs: total / 1000,
    idleMs: idle / 1000,
    selfBySource: top(bySource, total, 25),
    selfByFunction: top(byFunction, total, 30),
    byOwner: top(byOwner, total, 25),
    inclusive: markers.map(({ label }) => ({ name: label, ms: (inclusive.get(label) ?? 0) / 1000, share: total === 0 ? 0 : (inclusive.get(label) ?? 0) / total })),
  };
}
