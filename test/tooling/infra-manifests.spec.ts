import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { DEMO_NODES } from '../../infra/demo/demo-nodes.js';

/**
 * The production topology (infra/compose, infra/kubernetes, the Dockerfile; docs/adr/0014) checked
 * against the code: every service is there, each gets every setting its config loader requires,
 * secrets are references only, probes hit routes the controllers really serve, and each creditor has
 * its own node and its own database. Each check returns the problems it finds, naming the file and the
 * service, so a failure says what to fix; the last block proves the checks can fail.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const COMPOSE_FILE = 'infra/compose/compose.yaml';
const KUBERNETES_DIR = 'infra/kubernetes';

// ----------------------------------------------------------------------------------------------
// The services, as the code defines them
// ----------------------------------------------------------------------------------------------

type AppKind = 'gateway' | 'coordinator' | 'worker' | 'node' | 'portal';

/** Each service's entry point and the controller serving its health routes. */
const APPS: Readonly<Record<AppKind, { readonly entry: string; readonly health: string }>> = {
  gateway: { entry: 'apps/gateway/src/gateway-main.ts', health: 'apps/gateway/src/gateway/gateway-health.controller.ts' },
  coordinator: { entry: 'apps/gateway/src/coordinator-main.ts', health: 'apps/gateway/src/coordinator/health.controller.ts' },
  worker: { entry: 'apps/gateway/src/worker-main.ts', health: 'apps/gateway/src/coordinator/worker-health.controller.ts' },
  node: { entry: 'apps/creditor-node/src/main.ts', health: 'apps/creditor-node/src/health/health.controller.ts' },
  portal: { entry: 'apps/debtor-portal/src/main.ts', health: 'apps/debtor-portal/src/health/portal-health.controller.ts' },
};
const APP_KINDS = Object.keys(APPS) as AppKind[];
const LIVE = '/health/live';
const READY = '/health/ready';
/** Where Prometheus runs; the only namespace besides the ingress controller's that may reach pods. */
const MONITORING_NAMESPACE = 'monitoring';

/** Names of settings that hold key material or passwords. */
const SECRET_NAME = /KEY|SECRET|PASSWORD|AUTH/;
/** URLs that carry a password in production. */
const SECRET_URL_NAMES = new Set(['DATABASE_URL', 'REDIS_URL']);

function repoFile(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

/** `apps/x/src/main.ts` → `dist/apps/x/src/main.js`. */
function distOf(source: string): string {
  return `dist/${source.replace(/\.ts$/, '.js')}`;
}

/** `dist/apps/x/src/main.js` → `apps/x/src/main.ts`. */
function sourceOf(entryPoint: string): string {
  return entryPoint.replace(/^dist\//, '').replace(/\.js$/, '.ts');
}

function kindOfEntry(entryPoint: string): AppKind | undefined {
  return APP_KINDS.find((kind) => APPS[kind].entry === sourceOf(entryPoint));
}

/** The routes a controller serves: `@Controller('health')` + `@Get('ready')` → /health/ready. */
function routesOf(controllerFile: string): Set<string> {
  const source = repoFile(controllerFile);
  const prefix = /@Controller\((?:'([^']*)')?\)/.exec(source)?.[1] ?? '';
  return new Set(
    [...source.matchAll(/@Get\((?:'([^']*)')?\)/g)].map((m) => `/${[prefix, m[1] ?? ''].filter((p) => p !== '').join('/')}`),
  );
}

/** The config loader an entry point imports (`./…/config/…-config.js`), as a repository path. */
function configLoaderOf(entryFile: string): string | undefined {
  const match = /from '(\.[^']*\/config\/[^']*-config)\.js'/.exec(repoFile(entryFile));
  return match?.[1] === undefined ? undefined : relative(ROOT, resolve(ROOT, dirname(entryFile), `${match[1]}.ts`));
}

/** The settings a loader refuses to start without: its `read.required('X', …)` and `read.ed25519Key('X', …)`. */
function requiredSettings(loaderFile: string): string[] {
  return [...new Set([...repoFile(loaderFile).matchAll(/read\.(?:required|ed25519Key)\(\s*'([A-Z][A-Z0-9_]*)'/g)].map((m) => m[1] ?? ''))];
}

/** Every `apps/<app>/src/**​/config/*-config.ts`. */
function allConfigLoaders(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(ROOT, dir))) {
      const path = `${dir}/${entry}`;
      if (statSync(join(ROOT, path)).isDirectory()) walk(path);
      else if (/\/config\/[^/]+-config\.ts$/.test(path)) found.push(path);
    }
  };
  for (const app of readdirSync(join(ROOT, 'apps'))) if (existsSync(join(ROOT, 'apps', app, 'src'))) walk(`apps/${app}/src`);
  return found.sort();
}

// ----------------------------------------------------------------------------------------------
// YAML, loosely typed
// ----------------------------------------------------------------------------------------------

type Obj = Readonly<Record<string, unknown>>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown): Obj => (isObj(v) ? v : {});
const list = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;

interface YamlFile {
  readonly path: string;
  readonly docs: readonly unknown[];
  readonly errors: readonly string[];
}

/** Parses every document of a file (merge keys on, as Compose reads them); syntax errors are collected. */
function parseYaml(path: string, source: string): YamlFile {
  const errors: string[] = [];
  const docs: unknown[] = [];
  for (const doc of parseAllDocuments(source, { merge: true, prettyErrors: true })) {
    errors.push(...doc.errors.map((e) => `${path}: ${e.message}`));
    if (doc.errors.length === 0) docs.push(doc.toJS({ maxAliasCount: -1 }) as unknown);
  }
  return { path, docs: docs.filter((d) => d !== null && d !== undefined), errors };
}

function loadYaml(path: string): YamlFile {
  return parseYaml(path, repoFile(path));
}

function kubernetesFiles(): string[] {
  return readdirSync(join(ROOT, KUBERNETES_DIR))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => `${KUBERNETES_DIR}/${f}`);
}

// ----------------------------------------------------------------------------------------------
// One model for both platforms
// ----------------------------------------------------------------------------------------------

/** Where a setting's value comes from. `ref` identifies the source (two settings with one ref share it). */
type EnvSource =
  | { readonly from: 'value'; readonly value: string; readonly ref: string }
  | { readonly from: 'configMap'; readonly value: string | undefined; readonly ref: string }
  | { readonly from: 'secret'; readonly ref: string };

interface HttpProbe {
  readonly path: string;
  readonly port: string;
}

interface Workload {
  /** "infra/kubernetes/gateway.yaml Deployment/gateway" or "infra/compose/compose.yaml service gateway". */
  readonly where: string;
  readonly name: string;
  readonly image: string;
  /** Set for the services running this repository's code. */
  readonly kind: AppKind | undefined;
  readonly entryPoint: string | undefined;
  readonly replicas: number;
  readonly env: ReadonlyMap<string, EnvSource>;
  readonly liveness: HttpProbe | undefined;
  readonly readiness: HttpProbe | undefined;
}

interface Topology {
  readonly platform: 'compose' | 'kubernetes';
  readonly workloads: readonly Workload[];
  readonly problems: readonly string[];
}

/** The `dist/….js` a command runs, if any. */
function entryPointIn(command: unknown): string | undefined {
  const words = Array.isArray(command) ? command.map((w) => str(w) ?? '') : (str(command) ?? '').split(/\s+/);
  return words.find((w) => /^dist\/.+\.js$/.test(w));
}

// ---- Compose --------------------------------------------------------------------------------

function composeServices(file: YamlFile): [string, Obj][] {
  return Object.entries(obj(obj(file.docs[0])['services'])).map(([name, service]) => [name, obj(service)]);
}

function composeEnvironment(service: Obj): Map<string, EnvSource> {
  const env = new Map<string, EnvSource>();
  const raw = service['environment'];
  const entries: [string, unknown][] = Array.isArray(raw)
    ? raw.map((line) => {
        const text = str(line) ?? '';
        const at = text.indexOf('=');
        return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
      })
    : Object.entries(obj(raw));
  for (const [name, value] of entries) {
    const text = str(value);
    if (text !== undefined) env.set(name, { from: 'value', value: text, ref: `value:${text}` });
  }
  return env;
}

/** The URL a healthcheck fetches: `http://127.0.0.1:<port><path>`. */
function composeHealthcheck(service: Obj): HttpProbe | undefined {
  const test = list(obj(service['healthcheck'])['test']).map((w) => str(w) ?? '').join(' ');
  const match = /http:\/\/(?:127\.0\.0\.1|localhost):(\d+)(\/[^'"\s)]*)/.exec(test);
  return match ? { port: match[1] ?? '', path: match[2] ?? '' } : undefined;
}

function composeTopology(file: YamlFile): Topology {
  const workloads = composeServices(file).map(([name, service]): Workload => {
    const entryPoint = entryPointIn(service['command']);
    const health = composeHealthcheck(service);
    return {
      where: `${file.path} service ${name}`,
      name,
      image: str(service['image']) ?? '',
      kind: entryPoint === undefined ? undefined : kindOfEntry(entryPoint),
      entryPoint,
      replicas: Number(str(obj(service['deploy'])['replicas']) ?? '1'),
      env: composeEnvironment(service),
      liveness: undefined,
      readiness: health,
    };
  });
  return { platform: 'compose', workloads, problems: [] };
}

// ---- Kubernetes ------------------------------------------------------------------------------

interface Resource {
  readonly file: string;
  readonly kind: string;
  readonly name: string;
  readonly body: Obj;
}

function kubernetesResources(files: readonly YamlFile[]): Resource[] {
  return files.flatMap((file) =>
    file.docs.map((doc) => {
      const body = obj(doc);
      return { file: file.path, kind: str(body['kind']) ?? '', name: str(obj(body['metadata'])['name']) ?? '', body };
    }),
  );
}

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);

function podSpecOf(resource: Resource): Obj {
  return obj(obj(obj(resource.body['spec'])['template'])['spec']);
}

function podTemplateMeta(resource: Resource): Obj {
  return obj(obj(obj(resource.body['spec'])['template'])['metadata']);
}

function containersOf(resource: Resource): Obj[] {
  return list(podSpecOf(resource)['containers']).map(obj);
}

function configMapData(resources: readonly Resource[], name: string): Obj | undefined {
  const found = resources.find((r) => r.kind === 'ConfigMap' && r.name === name);
  return found === undefined ? undefined : obj(found.body['data']);
}

function containerEnvironment(resources: readonly Resource[], container: Obj, where: string, problems: string[]): Map<string, EnvSource> {
  const env = new Map<string, EnvSource>();
  for (const from of list(container['envFrom']).map(obj)) {
    const configMap = str(obj(from['configMapRef'])['name']);
    const secret = str(obj(from['secretRef'])['name']);
    if (configMap !== undefined) {
      const data = configMapData(resources, configMap);
      if (data === undefined) problems.push(`${where}: envFrom names ConfigMap ${configMap}, which is not in ${KUBERNETES_DIR}.`);
      for (const [key, value] of Object.entries(data ?? {})) env.set(key, { from: 'configMap', value: str(value), ref: `configMap:${configMap}/${key}` });
    }
    if (secret !== undefined) {
      problems.push(`${where}: envFrom secretRef ${secret} hides which settings it provides; name each with secretKeyRef.`);
    }
  }
  for (const item of list(container['env']).map(obj)) {
    const name = str(item['name']) ?? '';
    const valueFrom = obj(item['valueFrom']);
    const secretRef = obj(valueFrom['secretKeyRef']);
    const configMapRef = obj(valueFrom['configMapKeyRef']);
    if (str(item['value']) !== undefined) {
      const value = str(item['value']) ?? '';
      env.set(name, { from: 'value', value, ref: `value:${value}` });
    } else if (str(secretRef['name']) !== undefined) {
      env.set(name, { from: 'secret', ref: `secret:${str(secretRef['name'])}/${str(secretRef['key'])}` });
    } else if (str(configMapRef['name']) !== undefined) {
      const configMap = str(configMapRef['name']) ?? '';
      const key = str(configMapRef['key']) ?? '';
      const value = str(configMapData(resources, configMap)?.[key]);
      if (value === undefined) problems.push(`${where}: ${name} refers to ConfigMap ${configMap} key ${key}, which is not in ${KUBERNETES_DIR}.`);
      env.set(name, { from: 'configMap', value, ref: `configMap:${configMap}/${key}` });
    }
  }
  return env;
}

/** A probe's path, and its port as a number (a named port is looked up in the container's ports). */
function httpProbe(container: Obj, probe: unknown): HttpProbe | undefined {
  const get = obj(obj(probe)['httpGet']);
  const path = str(get['path']);
  if (path === undefined) return undefined;
  const port = str(get['port']) ?? '';
  const named = list(container['ports']).map(obj).find((p) => str(p['name']) === port);
  return { path, port: named === undefined ? port : (str(named['containerPort']) ?? '') };
}

function kubernetesTopology(files: readonly YamlFile[]): Topology {
  const resources = kubernetesResources(files);
  const problems: string[] = [];
  const workloads = resources
    .filter((r) => WORKLOAD_KINDS.has(r.kind))
    .flatMap((resource) =>
      containersOf(resource).map((container): Workload => {
        const where = `${resource.file} ${resource.kind}/${resource.name} container ${str(container['name']) ?? '?'}`;
        const entryPoint = entryPointIn(container['command']) ?? entryPointIn(container['args']);
        return {
          where,
          name: resource.name,
          image: str(container['image']) ?? '',
          kind: entryPoint === undefined ? undefined : kindOfEntry(entryPoint),
          entryPoint,
          replicas: Number(str(obj(resource.body['spec'])['replicas']) ?? '1'),
          env: containerEnvironment(resources, container, where, problems),
          liveness: httpProbe(container, container['livenessProbe']),
          readiness: httpProbe(container, container['readinessProbe']),
        };
      }),
    );
  return { platform: 'kubernetes', workloads, problems };
}

// ----------------------------------------------------------------------------------------------
// Checks on both platforms
// ----------------------------------------------------------------------------------------------

function apps(topology: Topology, kind?: AppKind): Workload[] {
  return topology.workloads.filter((w) => (kind === undefined ? w.kind !== undefined : w.kind === kind));
}

function envValue(workload: Workload, name: string): string | undefined {
  const source = workload.env.get(name);
  return source === undefined || source.from === 'secret' ? undefined : source.value;
}

function creditorOf(workload: Workload): string {
  return envValue(workload, 'CREDITOR_ID') ?? '?';
}

/** Every service of the topology: gateway, coordinator, worker, portal, Redis, one node per demo creditor. */
function checkServicesPresent(topology: Topology, where: string): string[] {
  const problems: string[] = [];
  for (const kind of ['gateway', 'coordinator', 'worker', 'portal'] as const) {
    if (apps(topology, kind).length === 0) problems.push(`${where}: no ${kind} (a service running ${distOf(APPS[kind].entry)}).`);
  }
  if (!topology.workloads.some((w) => /(^|\/)redis(:|$)/.test(w.image))) problems.push(`${where}: no Redis.`);
  const nodes = apps(topology, 'node');
  const ids = nodes.map(creditorOf);
  for (const demo of DEMO_NODES) {
    const node = nodes.filter((n) => creditorOf(n) === demo.creditorId);
    if (node.length !== 1) problems.push(`${where}: ${node.length} nodes with CREDITOR_ID=${demo.creditorId} (want exactly one per creditor in infra/demo/demo-nodes.ts).`);
    for (const n of node) {
      if (envValue(n, 'CREDITOR_SECTOR') !== demo.sector) problems.push(`${n.where}: CREDITOR_SECTOR is ${envValue(n, 'CREDITOR_SECTOR')}, the demo says ${demo.sector}.`);
      if (envValue(n, 'CREDITOR_NAME') !== demo.name) problems.push(`${n.where}: CREDITOR_NAME is ${envValue(n, 'CREDITOR_NAME')}, the demo says ${demo.name}.`);
    }
  }
  for (const id of ids) if (!DEMO_NODES.some((d) => d.creditorId === id)) problems.push(`${where}: a node for ${id}, which is not a creditor in infra/demo/demo-nodes.ts.`);
  return problems;
}

/** Each command runs a compiled entry point whose source exists and starts the service when run. */
function checkEntryPoints(topology: Topology): string[] {
  const problems: string[] = [];
  for (const w of topology.workloads) {
    if (w.entryPoint === undefined) {
      if (w.image.startsWith('samen-regelen') || w.image.includes('/samen-regelen')) problems.push(`${w.where}: runs the platform's image without a dist/….js entry point.`);
      continue;
    }
    const source = sourceOf(w.entryPoint);
    if (w.kind === undefined) problems.push(`${w.where}: ${w.entryPoint} is not one of the services' entry points (${APP_KINDS.map((k) => APPS[k].entry).join(', ')}).`);
    if (!existsSync(join(ROOT, source))) problems.push(`${w.where}: ${w.entryPoint} has no source ${source}.`);
    else if (!repoFile(source).includes('if (import.meta.url === `file://${process.argv[1]}`)')) problems.push(`${w.where}: ${source} does not start itself when run.`);
  }
  const images = new Set(apps(topology).map((w) => w.image));
  if (images.size !== 1) problems.push(`${topology.platform}: the services run ${images.size} images (${[...images].join(', ')}); one image, many commands.`);
  return problems;
}

/** Every setting the service's config loader requires is given (a value, a ConfigMap key or a Secret key). */
function checkRequiredSettings(topology: Topology): string[] {
  const problems: string[] = [];
  for (const w of apps(topology)) {
    const loader = configLoaderOf(APPS[w.kind as AppKind].entry);
    if (loader === undefined) {
      problems.push(`${w.where}: cannot find the config loader ${APPS[w.kind as AppKind].entry} imports.`);
      continue;
    }
    for (const name of requiredSettings(loader)) {
      const source = w.env.get(name);
      const given = source !== undefined && (source.from === 'secret' || (source.value ?? '').trim() !== '');
      if (!given) problems.push(`${w.where}: ${name} is not set, and ${loader} requires it.`);
    }
    if (envValue(w, 'HOST') !== '0.0.0.0') problems.push(`${w.where}: HOST must be 0.0.0.0 in a container (the services default to 127.0.0.1), got ${envValue(w, 'HOST')}.`);
    if (!/^\d+$/.test(envValue(w, 'PORT') ?? '')) problems.push(`${w.where}: PORT must be set (the probes and the metrics scrape use it).`);
  }
  return problems;
}

/** The gateway scales out; the coordinator is API only, with a worker beside it that shares its queue and keys. */
function checkScaling(topology: Topology): string[] {
  const problems: string[] = [];
  for (const gateway of apps(topology, 'gateway')) {
    if (!(gateway.replicas >= 2)) problems.push(`${gateway.where}: ${gateway.replicas} replica(s); the gateway runs at least 2.`);
  }
  const workers = apps(topology, 'worker');
  for (const coordinator of apps(topology, 'coordinator')) {
    if (envValue(coordinator, 'DELIVERY_WORKER') !== 'false') problems.push(`${coordinator.where}: DELIVERY_WORKER must be "false" (the worker delivers), got ${envValue(coordinator, 'DELIVERY_WORKER')}.`);
    for (const worker of workers) {
      for (const name of ['DATABASE_URL', 'REDIS_URL', 'QUEUE_PREFIX', 'COORDINATOR_ISSUER', 'CONSENT_SIGNING_KEY', 'LEDGER_SIGNING_KEY', 'PSEUDONYM_SECRET']) {
        const a = coordinator.env.get(name)?.ref ?? 'default';
        const b = worker.env.get(name)?.ref ?? 'default';
        if (a !== b) problems.push(`${worker.where}: ${name} (${b}) differs from the coordinator's (${a}); they share one database, queue and set of keys.`);
      }
      if (envValue(worker, 'DELIVERY_WORKER') === 'false') problems.push(`${worker.where}: DELIVERY_WORKER=false on the worker.`);
    }
  }
  if (apps(topology, 'coordinator').length > 0 && workers.length === 0) problems.push('no delivery worker beside the API-only coordinator: nothing would deliver proposals.');
  return problems;
}

/** Each creditor node has its own DATABASE_URL: no two nodes (nor a node and the coordinator) share one. */
function checkOwnDatabases(topology: Topology, databaseOf: (w: Workload) => string | undefined): string[] {
  const problems: string[] = [];
  const seen = new Map<string, Workload>();
  for (const w of [...apps(topology, 'node'), ...apps(topology, 'coordinator')]) {
    const db = databaseOf(w);
    if (db === undefined) {
      problems.push(`${w.where}: cannot tell which database DATABASE_URL points at.`);
      continue;
    }
    const other = seen.get(db);
    if (other !== undefined && other.kind === 'node' && w.kind === 'node') problems.push(`${w.where}: shares its database (${db}) with ${other.where}; each creditor has its own.`);
    else if (other !== undefined) problems.push(`${w.where}: shares its database (${db}) with ${other.where}.`);
    else seen.set(db, w);
  }
  return problems;
}

/** Probe paths are the health routes the service's controller serves. */
function checkProbes(topology: Topology, wantLiveness: boolean): string[] {
  const problems: string[] = [];
  for (const w of apps(topology)) {
    const controller = APPS[w.kind as AppKind].health;
    const routes = routesOf(controller);
    const port = envValue(w, 'PORT');
    const probes: [string, HttpProbe | undefined, string][] = [['readiness', w.readiness, READY]];
    if (wantLiveness) probes.push(['liveness', w.liveness, LIVE]);
    for (const [what, probe, want] of probes) {
      if (probe === undefined) problems.push(`${w.where}: no HTTP ${what} check (want GET ${want}).`);
      else {
        if (probe.path !== want) problems.push(`${w.where}: ${what} check on ${probe.path}, want ${want}.`);
        if (!routes.has(probe.path)) problems.push(`${w.where}: ${what} check on ${probe.path}, which ${controller} does not serve (it serves ${[...routes].join(', ')}).`);
        if (probe.port !== port) problems.push(`${w.where}: ${what} check on port ${probe.port}, but the service listens on PORT=${port}.`);
      }
    }
  }
  return problems;
}

/** A reference in Compose: `${NAME}`, `${NAME:?message}` or `${NAME:-}`; never a literal default. */
const COMPOSE_REFERENCE = /^\$\{[A-Z_][A-Z0-9_]*(?::?\?[^}]*|:?-)?\}$/;

/** Key material and passwords only as references: a Secret key (Kubernetes) or a `${…}` (Compose). */
function checkSecretsAreReferences(topology: Topology): string[] {
  const problems: string[] = [];
  for (const w of topology.workloads) {
    for (const [name, source] of w.env) {
      if (source.from === 'secret') continue;
      const value = source.value ?? '';
      const isUrlSecret = SECRET_URL_NAMES.has(name);
      if (topology.platform === 'kubernetes') {
        if (SECRET_NAME.test(name) || isUrlSecret) problems.push(`${w.where}: ${name} is given inline (${source.ref}); take it from a Secret with secretKeyRef.`);
        else if (urlPassword(value) !== undefined) problems.push(`${w.where}: ${name} holds a password; take it from a Secret.`);
      } else if (SECRET_NAME.test(name)) {
        if (!COMPOSE_REFERENCE.test(value)) problems.push(`${w.where}: ${name} must be a \${VARIABLE} reference without a default, not ${JSON.stringify(value)}.`);
      } else {
        const password = urlPassword(value);
        if (isUrlSecret && password === undefined) problems.push(`${w.where}: ${name} has no password; give it one as a \${VARIABLE}.`);
        if (password !== undefined && !COMPOSE_REFERENCE.test(password)) problems.push(`${w.where}: ${name} holds a literal password; make it a \${VARIABLE}.`);
      }
    }
  }
  return problems;
}

/** The password in a `scheme://user:password@host` URL, as written (references left as they are). */
function urlPassword(value: string): string | undefined {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/:@]*:([^@]+)@/i.exec(value);
  return match?.[1];
}

function checkEveryLoaderIsDeployed(topologies: readonly Topology[]): string[] {
  const problems: string[] = [];
  const used = new Set(APP_KINDS.map((k) => configLoaderOf(APPS[k].entry)));
  for (const loader of allConfigLoaders()) if (!used.has(loader)) problems.push(`${loader} belongs to no service of the topology (add the service to ${COMPOSE_FILE} and ${KUBERNETES_DIR}).`);
  for (const kind of APP_KINDS) {
    const loader = configLoaderOf(APPS[kind].entry);
    if (loader === undefined || requiredSettings(loader).length === 0) problems.push(`${APPS[kind].entry}: found no required settings in its config loader ${loader}; is the pattern still right?`);
  }
  for (const t of topologies) for (const kind of APP_KINDS) if (apps(t, kind).length === 0) problems.push(`${t.platform}: no ${kind}.`);
  return problems;
}

// ----------------------------------------------------------------------------------------------
// Compose only
// ----------------------------------------------------------------------------------------------

function composeNetworks(service: Obj): string[] {
  const raw = service['networks'];
  if (raw === undefined) return ['default'];
  return Array.isArray(raw) ? raw.map((n) => str(n) ?? '') : Object.keys(obj(raw));
}

/** Which services share a network with `name`. */
function composePeers(file: YamlFile, name: string): Set<string> {
  const services = new Map(composeServices(file));
  const mine = new Set(composeNetworks(services.get(name) ?? {}));
  return new Set([...services].filter(([other, s]) => other !== name && composeNetworks(s).some((n) => mine.has(n))).map(([other]) => other));
}

/** The host a (possibly `${…}`-holding) URL points at. */
function urlHost(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return new URL(value.replace(/\$\{[^}]*\}/g, 'x')).hostname;
  } catch {
    return undefined;
  }
}

function composeDatabaseOf(w: Workload): string | undefined {
  return urlHost(envValue(w, 'DATABASE_URL'));
}

function checkCompose(file: YamlFile, topology: Topology): string[] {
  const problems: string[] = [];
  const services = new Map(composeServices(file));
  for (const [name, service] of services) {
    if (obj(service['healthcheck'])['test'] === undefined) problems.push(`${file.path} service ${name}: no healthcheck.`);
  }
  // Each node's database: a PostgreSQL service that only that node reaches; the node reaches only
  // its database, the gateway, the coordinator and the worker.
  const federation = new Set(['gateway', 'coordinator', 'worker'].flatMap((k) => apps(topology, k as AppKind).map((w) => w.name)));
  for (const node of apps(topology, 'node')) {
    const db = composeDatabaseOf(node);
    const dbService = db === undefined ? undefined : services.get(db);
    if (dbService === undefined || !(str(dbService['image']) ?? '').startsWith('postgres')) {
      problems.push(`${node.where}: DATABASE_URL points at ${db}, which is no PostgreSQL service in ${file.path}.`);
      continue;
    }
    const dbPeers = [...composePeers(file, db ?? '')];
    if (dbPeers.join() !== node.name) problems.push(`${file.path} service ${db}: reachable from ${dbPeers.join(', ')}; only ${node.name} may reach it.`);
    const peers = composePeers(file, node.name);
    for (const peer of peers) if (peer !== db && !federation.has(peer)) problems.push(`${node.where}: reachable from ${peer}; only the gateway, the coordinator and the worker may call a node.`);
    for (const needed of federation) if (!peers.has(needed)) problems.push(`${node.where}: ${needed} shares no network with it, so cannot reach it.`);
  }
  // A service URL (http://name:port) names a service that shares a network and listens on that port.
  for (const w of apps(topology)) {
    for (const [name, source] of w.env) {
      if (source.from !== 'value' || !/^https?:\/\/[a-z0-9-]+(:\d+)?(\/|$)/.test(source.value)) continue;
      const url = new URL(source.value);
      const target = topology.workloads.find((t) => t.name === url.hostname);
      if (target === undefined) continue;
      if (!composePeers(file, w.name).has(target.name)) problems.push(`${w.where}: ${name} points at ${target.name}, which shares no network with it.`);
      if (target.kind !== undefined && url.port !== envValue(target, 'PORT')) problems.push(`${w.where}: ${name} uses port ${url.port}, but ${target.name} listens on ${envValue(target, 'PORT')}.`);
    }
  }
  return problems;
}

// ----------------------------------------------------------------------------------------------
// Kubernetes only
// ----------------------------------------------------------------------------------------------

function labelsMatch(selector: Obj, labels: Obj): boolean {
  const matchLabels = Object.entries(obj(selector['matchLabels']));
  if (!matchLabels.every(([k, v]) => str(labels[k]) === str(v))) return false;
  return list(selector['matchExpressions']).map(obj).every((e) => {
    const value = str(labels[str(e['key']) ?? '']);
    const values = list(e['values']).map((v) => str(v));
    switch (str(e['operator']) ?? '') {
      case 'In':
        return value !== undefined && values.includes(value);
      case 'NotIn':
        return value === undefined || !values.includes(value);
      case 'Exists':
        return value !== undefined;
      case 'DoesNotExist':
        return value === undefined;
      default:
        return false;
    }
  });
}

interface IngressAllowed {
  /** Workloads (by name) in the namespace that may connect. */
  readonly pods: Set<string>;
  /** Peers outside the namespace: `namespace:<name>`, `ipBlock:<cidr>`, or `anyone`. */
  readonly outside: Set<string>;
}

/** Who may connect to a workload's pods, by the NetworkPolicies (an unselected pod takes anyone). */
function ingressAllowed(resources: readonly Resource[], target: Resource): IngressAllowed {
  const workloads = resources.filter((r) => WORKLOAD_KINDS.has(r.kind));
  const labels = obj(podTemplateMeta(target)['labels']);
  const allowed: IngressAllowed = { pods: new Set(), outside: new Set() };
  const policies = resources.filter((r) => r.kind === 'NetworkPolicy' && labelsMatch(obj(obj(r.body['spec'])['podSelector']), labels));
  const isolating = policies.filter((p) => {
    const types = list(obj(p.body['spec'])['policyTypes']).map(str);
    return types.length === 0 || types.includes('Ingress');
  });
  if (isolating.length === 0) allowed.outside.add('anyone');
  for (const policy of isolating) {
    for (const rule of list(obj(policy.body['spec'])['ingress']).map(obj)) {
      const from = list(rule['from']).map(obj);
      if (from.length === 0) allowed.outside.add('anyone');
      for (const peer of from) {
        if (peer['ipBlock'] !== undefined) allowed.outside.add(`ipBlock:${str(obj(peer['ipBlock'])['cidr'])}`);
        else if (peer['namespaceSelector'] !== undefined) allowed.outside.add(`namespace:${str(obj(obj(peer['namespaceSelector'])['matchLabels'])['kubernetes.io/metadata.name']) ?? '*'}`);
        else {
          const selector = obj(peer['podSelector']);
          for (const w of workloads) if (labelsMatch(selector, obj(podTemplateMeta(w)['labels']))) allowed.pods.add(w.name);
        }
      }
    }
  }
  return allowed;
}

function kubernetesDatabaseOf(w: Workload): string | undefined {
  const source = w.env.get('DATABASE_URL');
  return source?.from === 'secret' ? source.ref : undefined;
}

function checkKubernetes(files: readonly YamlFile[], topology: Topology): string[] {
  const problems: string[] = [...topology.problems];
  const resources = kubernetesResources(files);
  const at = (r: Resource): string => `${r.file} ${r.kind}/${r.name}`;

  // Secrets are references: none is written here, no ConfigMap holds one.
  for (const r of resources) {
    if (r.kind === 'Secret') problems.push(`${at(r)}: a Secret with values in the repository; the operator creates it (see ${KUBERNETES_DIR}/README.md).`);
    if (r.kind === 'ConfigMap') {
      for (const [key, value] of Object.entries(obj(r.body['data']))) {
        if (SECRET_NAME.test(key) || SECRET_URL_NAMES.has(key) || urlPassword(str(value) ?? '') !== undefined) problems.push(`${at(r)}: ${key} looks secret; it belongs in a Secret, referenced by secretKeyRef.`);
      }
    }
  }

  // The kustomization lists exactly the manifests in the directory.
  const kustomization = resources.find((r) => r.kind === 'Kustomization');
  const listed = new Set(list(kustomization?.body['resources']).map((p) => `${KUBERNETES_DIR}/${str(p) ?? ''}`));
  for (const file of files) if (!file.path.endsWith('kustomization.yaml') && !listed.has(file.path)) problems.push(`${file.path}: not listed in ${KUBERNETES_DIR}/kustomization.yaml.`);
  for (const path of listed) if (!files.some((f) => f.path === path)) problems.push(`${KUBERNETES_DIR}/kustomization.yaml lists ${path}, which does not exist.`);

  const workloads = resources.filter((r) => WORKLOAD_KINDS.has(r.kind));
  const servicesOf = (w: Resource): Resource[] =>
    resources.filter((s) => s.kind === 'Service' && Object.keys(obj(obj(s.body['spec'])['selector'])).length > 0 && labelsMatch({ matchLabels: obj(obj(s.body['spec'])['selector']) }, obj(podTemplateMeta(w)['labels'])));
  for (const w of workloads) {
    const pod = podSpecOf(w);
    const podSecurity = obj(pod['securityContext']);
    const app = topology.workloads.find((t) => t.name === w.name && t.kind !== undefined);
    for (const c of containersOf(w)) {
      const where = `${at(w)} container ${str(c['name'])}`;
      const resourcesOf = obj(c['resources']);
      for (const bound of ['requests', 'limits']) for (const what of ['cpu', 'memory']) if (str(obj(resourcesOf[bound])[what]) === undefined) problems.push(`${where}: no resources.${bound}.${what}.`);
      const security = obj(c['securityContext']);
      if ((security['runAsNonRoot'] ?? podSecurity['runAsNonRoot']) !== true) problems.push(`${where}: runAsNonRoot is not true.`);
      if (security['allowPrivilegeEscalation'] !== false) problems.push(`${where}: allowPrivilegeEscalation is not false.`);
      if (security['privileged'] === true) problems.push(`${where}: privileged.`);
      if (!list(obj(security['capabilities'])['drop']).includes('ALL')) problems.push(`${where}: capabilities are not all dropped.`);
      if (security['readOnlyRootFilesystem'] !== true) problems.push(`${where}: readOnlyRootFilesystem is not true.`);
      if (c['livenessProbe'] === undefined || c['readinessProbe'] === undefined) problems.push(`${where}: needs a livenessProbe and a readinessProbe.`);
    }
    if (app !== undefined) {
      const annotations = obj(podTemplateMeta(w)['annotations']);
      const port = envValue(app, 'PORT');
      const want: Record<string, string | undefined> = { 'prometheus.io/scrape': 'true', 'prometheus.io/path': '/metrics', 'prometheus.io/port': port };
      for (const [key, value] of Object.entries(want)) if (str(annotations[key]) !== value) problems.push(`${at(w)}: pod annotation ${key} is ${str(annotations[key])}, want ${value}.`);
      const services = servicesOf(w);
      if (services.length === 0) problems.push(`${at(w)}: no Service selects its pods.`);
      for (const s of services) {
        const ports = list(obj(s.body['spec'])['ports']).map(obj);
        if (!ports.some((p) => str(p['port']) === port)) problems.push(`${at(s)}: does not expose port ${port} of ${w.name}.`);
      }
    }
  }

  // A service URL (http://name:port) names a Service in the manifests that exposes that port.
  for (const w of apps(topology)) {
    for (const [name, source] of w.env) {
      if (source.from === 'secret' || !/^https?:\/\/[a-z0-9-]+(:\d+)?(\/|$)/.test(source.value ?? '')) continue;
      const url = new URL(source.value ?? '');
      const service = resources.find((r) => r.kind === 'Service' && r.name === url.hostname);
      if (service === undefined) problems.push(`${w.where}: ${name} points at ${url.hostname}, which is no Service in ${KUBERNETES_DIR}.`);
      else if (!list(obj(service.body['spec'])['ports']).map(obj).some((p) => str(p['port']) === url.port)) problems.push(`${w.where}: ${name} uses port ${url.port}, which Service ${url.hostname} does not expose.`);
    }
  }

  // Gateway autoscaling never goes below two.
  for (const hpa of resources.filter((r) => r.kind === 'HorizontalPodAutoscaler')) {
    const target = str(obj(obj(hpa.body['spec'])['scaleTargetRef'])['name']);
    const minReplicas = Number(str(obj(hpa.body['spec'])['minReplicas']) ?? '1');
    if (apps(topology, 'gateway').some((g) => g.name === target) && minReplicas < 2) problems.push(`${at(hpa)}: minReplicas ${minReplicas}; the gateway runs at least 2.`);
  }

  // NetworkPolicies: ingress denied by default; each creditor's database only from its node; a node
  // only from the gateway, the coordinator and the worker (and Prometheus).
  const defaultDeny = resources.some((r) => {
    const spec = obj(r.body['spec']);
    return r.kind === 'NetworkPolicy' && Object.keys(obj(spec['podSelector'])).length === 0 && list(spec['policyTypes']).includes('Ingress') && list(spec['ingress']).length === 0;
  });
  if (!defaultDeny) problems.push(`${KUBERNETES_DIR}: no default-deny ingress NetworkPolicy.`);
  const federation = new Set(['gateway', 'coordinator', 'worker'].flatMap((k) => apps(topology, k as AppKind).map((w) => w.name)));
  for (const node of apps(topology, 'node')) {
    const creditor = creditorOf(node);
    const nodeResource = workloads.find((r) => r.name === node.name);
    if (nodeResource === undefined) continue;
    const allowed = ingressAllowed(resources, nodeResource);
    for (const pod of allowed.pods) if (!federation.has(pod)) problems.push(`${node.where}: ${pod} may connect to it; only the gateway, the coordinator and the worker may.`);
    for (const peer of allowed.outside) if (peer !== `namespace:${MONITORING_NAMESPACE}`) problems.push(`${node.where}: ${peer} may connect to it.`);
    for (const needed of federation) if (!allowed.pods.has(needed)) problems.push(`${node.where}: ${needed} may not connect to it, so the federation cannot reach ${creditor}.`);
    const databases = workloads.filter((r) => r.kind === 'StatefulSet' && str(obj(podTemplateMeta(r)['labels'])['samen-regelen/creditor']) === creditor && containersOf(r).some((c) => (str(c['image']) ?? '').startsWith('postgres')));
    if (databases.length !== 1) problems.push(`${node.where}: ${databases.length} PostgreSQL StatefulSets labelled samen-regelen/creditor=${creditor}; want its own one.`);
    for (const db of databases) {
      const dbAllowed = ingressAllowed(resources, db);
      const who = [...dbAllowed.pods, ...dbAllowed.outside];
      if (who.join() !== node.name) problems.push(`${at(db)}: reachable from ${who.join(', ') || 'nobody'}; only ${node.name} may reach it.`);
    }
  }
  return problems;
}

// ----------------------------------------------------------------------------------------------
// Secrets anywhere in infra/ and the image
// ----------------------------------------------------------------------------------------------

/** A PEM block, or the private part of a JWK (a real `d`, not a placeholder such as "…"). */
const KEY_MATERIAL = [/-----BEGIN [A-Z ]*-----/, /"d"\s*:\s*"[A-Za-z0-9_-]{16,}/, /(^|[\s{,])d:\s*["']?[A-Za-z0-9_-]{32,}/m];

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((entry) => {
    const path = `${dir}/${entry}`;
    return statSync(join(ROOT, path)).isDirectory() ? filesUnder(path) : [path];
  });
}

function checkNoKeyMaterial(files: readonly { readonly path: string; readonly text: string }[]): string[] {
  return files.flatMap(({ path, text }) => KEY_MATERIAL.filter((pattern) => pattern.test(text)).map((pattern) => `${path}: looks like key material (${pattern.source}).`));
}

// ----------------------------------------------------------------------------------------------
// The Dockerfile
// ----------------------------------------------------------------------------------------------

/** The file the gateway reads at start, relative to the repository (SUPERGRAPH_FILE's dist/ branch). */
function supergraphFileAtRuntime(): string | undefined {
  const moduleFile = 'apps/gateway/src/gateway/gateway.module.ts';
  const match = /SUPERGRAPH_FILE\s*=\s*here\.includes\([^)]*dist[^)]*\)\s*\?\s*resolve\(here,\s*'([^']+)'\)/.exec(repoFile(moduleFile));
  return match?.[1] === undefined ? undefined : relative(ROOT, resolve(ROOT, 'dist', dirname(moduleFile), match[1]));
}

/** What a `COPY [--flags] src… dest` puts in the image, relative to the working directory. */
function copiedPaths(line: string): string[] {
  const args = line.split(/\s+/).slice(1).filter((a) => !a.startsWith('--'));
  const dest = args.at(-1) ?? '';
  const sources = args.slice(0, -1);
  const clean = (p: string): string => posix.normalize(p).replace(/^\.\//, '').replace(/\/$/, '');
  if (dest.endsWith('/') || dest === '.') return sources.map((source) => clean(posix.join(dest, posix.basename(source))));
  return [clean(dest)];
}

function checkDockerfile(dockerfile: string, dockerignore: string): string[] {
  const problems: string[] = [];
  const lines = dockerfile.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  const stages = lines.reduce<string[][]>((acc, line) => (/^FROM\s/i.test(line) ? [...acc, [line]] : acc.length === 0 ? acc : [...acc.slice(0, -1), [...(acc.at(-1) ?? []), line]]), []);
  if (stages.length < 2) problems.push('Dockerfile: not multi-stage.');
  if (!lines.some((l) => /^RUN .*npm (ci|install)\b/.test(l)) || !lines.some((l) => /^RUN .*npm run( -s)? build\b/.test(l))) problems.push('Dockerfile: no stage installs the dependencies and runs `npm run build`.');
  if (!lines.some((l) => /^RUN .*npm (ci|install)\b.*--omit=dev/.test(l))) problems.push('Dockerfile: production dependencies are not installed with --omit=dev.');
  const runtime = stages.at(-1) ?? [];
  const user = runtime.filter((l) => /^USER\s/i.test(l)).at(-1)?.split(/\s+/)[1];
  if (user === undefined || /^(root|0)(:|$)/.test(user)) problems.push(`Dockerfile: the runtime stage runs as ${user ?? 'root'}; want a non-root USER.`);
  if (!runtime.some((l) => /^ENV\s.*NODE_ENV=production/.test(l))) problems.push('Dockerfile: the runtime stage does not set NODE_ENV=production.');
  const copies = runtime.filter((l) => /^COPY\s/i.test(l)).flatMap(copiedPaths);
  const supergraph = supergraphFileAtRuntime();
  const needed = ['package.json', 'node_modules', 'dist', supergraph];
  for (const path of needed) {
    if (path === undefined) problems.push('apps/gateway/src/gateway/gateway.module.ts: cannot find where SUPERGRAPH_FILE points in dist/.');
    else if (!copies.includes(path)) problems.push(`Dockerfile: the runtime stage does not copy ${path} (the services read it at run time).`);
  }
  if (supergraph !== undefined && !existsSync(join(ROOT, supergraph))) problems.push(`${supergraph}: the gateway reads it at start, but it is not in the repository.`);
  const ignored = new Set(dockerignore.split('\n').map((l) => l.trim()));
  for (const path of ['node_modules', 'dist', '.env', '.git']) if (!ignored.has(path)) problems.push(`.dockerignore: does not leave out ${path}.`);
  return problems;
}

// ----------------------------------------------------------------------------------------------
// The tests
// ----------------------------------------------------------------------------------------------

function loadAll(): { compose: YamlFile; kubernetes: YamlFile[] } {
  return { compose: loadYaml(COMPOSE_FILE), kubernetes: kubernetesFiles().map(loadYaml) };
}

/** Every problem in a Compose file, as one list. */
function composeProblems(file: YamlFile): string[] {
  const topology = composeTopology(file);
  return [
    ...file.errors,
    ...checkServicesPresent(topology, file.path),
    ...checkEntryPoints(topology),
    ...checkRequiredSettings(topology),
    ...checkScaling(topology),
    ...checkOwnDatabases(topology, composeDatabaseOf),
    ...checkProbes(topology, false),
    ...checkSecretsAreReferences(topology),
    ...checkCompose(file, topology),
  ];
}

/** Every problem in the Kubernetes manifests, as one list. */
function kubernetesProblems(files: readonly YamlFile[]): string[] {
  const topology = kubernetesTopology(files);
  return [
    ...files.flatMap((f) => f.errors),
    ...checkServicesPresent(topology, KUBERNETES_DIR),
    ...checkEntryPoints(topology),
    ...checkRequiredSettings(topology),
    ...checkScaling(topology),
    ...checkOwnDatabases(topology, kubernetesDatabaseOf),
    ...checkProbes(topology, true),
    ...checkSecretsAreReferences(topology),
    ...checkKubernetes(files, topology),
  ];
}

describe('the production topology (infra/compose, infra/kubernetes)', () => {
  const { compose, kubernetes } = loadAll();

  it('is valid YAML throughout', () => {
    expect(kubernetes.length).toBeGreaterThan(1);
    expect([...compose.errors, ...kubernetes.flatMap((f) => f.errors)]).toEqual([]);
    expect(compose.docs).toHaveLength(1);
  });

  it('knows each service by the code: entry points, config loaders and health routes exist', () => {
    expect(checkEveryLoaderIsDeployed([composeTopology(compose), kubernetesTopology(kubernetes)])).toEqual([]);
    for (const kind of APP_KINDS) {
      expect(existsSync(join(ROOT, APPS[kind].entry))).toBe(true);
      expect([kind, routesOf(APPS[kind].health).has(READY)]).toEqual([kind, true]);
    }
    expect(DEMO_NODES.length).toBeGreaterThanOrEqual(5);
  });

  it('Compose: every service, its settings, its own database per creditor, references for secrets', () => {
    expect(composeProblems(compose)).toEqual([]);
  });

  it('Kubernetes: every service, its settings, probes, limits, security contexts, NetworkPolicies, Secrets only by reference', () => {
    expect(kubernetesProblems(kubernetes)).toEqual([]);
  });

  it('holds no key material anywhere in infra/ or the image definition', () => {
    const files = [...filesUnder('infra'), 'Dockerfile', '.dockerignore'].map((path) => ({ path, text: repoFile(path) }));
    expect(checkNoKeyMaterial(files)).toEqual([]);
  });

  it('builds one image with everything the services read at run time', () => {
    expect(checkDockerfile(repoFile('Dockerfile'), repoFile('.dockerignore'))).toEqual([]);
  });
});

// ----------------------------------------------------------------------------------------------
// The checks can fail
// ----------------------------------------------------------------------------------------------

type Mutable = Record<string, unknown>;

/** A deep copy of a parsed file, changed by `change`. */
function changed(file: YamlFile, change: (docs: Mutable[]) => void): YamlFile {
  const docs = structuredClone(file.docs) as Mutable[];
  change(docs);
  return { ...file, docs };
}

function composeService(docs: Mutable[], name: string): Mutable {
  return (docs[0]?.['services'] as Record<string, Mutable>)[name] as Mutable;
}

function composeEnv(docs: Mutable[], name: string): Record<string, string> {
  return composeService(docs, name)['environment'] as Record<string, string>;
}

function k8sDoc(docs: Mutable[], kind: string, name: string): Mutable {
  const found = docs.find((d) => d['kind'] === kind && (d['metadata'] as Mutable)['name'] === name);
  if (found === undefined) throw new Error(`no ${kind}/${name}`);
  return found;
}

function k8sContainer(doc: Mutable): Mutable {
  return (((doc['spec'] as Mutable)['template'] as Mutable)['spec'] as { containers: Mutable[] }).containers[0] as Mutable;
}

function k8sChanged(files: readonly YamlFile[], path: string, change: (docs: Mutable[]) => void): YamlFile[] {
  return files.map((f) => (f.path === path ? changed(f, change) : f));
}

describe('the topology checks can fail', () => {
  const { compose, kubernetes } = loadAll();
  const [first, second] = DEMO_NODES;
  if (first === undefined || second === undefined) throw new Error('the demo has fewer than two creditors');
  const firstNode = `node-${first.creditorId}`;
  const secondNode = `node-${second.creditorId}`;

  it('reports a YAML syntax error with its file', () => {
    const broken = parseYaml('infra/kubernetes/broken.yaml', 'kind: Deployment\nmetadata:\n  name: [unclosed\n');
    expect(broken.errors.length).toBeGreaterThan(0);
    expect(broken.errors[0]).toContain('infra/kubernetes/broken.yaml');
    expect(parseYaml('x.yaml', 'a: 1\na: 2\n').errors.length).toBeGreaterThan(0);
  });

  it('Compose: a missing required setting, a missing node, an inline secret, a shared database', () => {
    expect(composeProblems(changed(compose, (d) => delete composeEnv(d, 'gateway')['COORDINATOR_URL']))).toEqual([
      `${COMPOSE_FILE} service gateway: COORDINATOR_URL is not set, and apps/gateway/src/gateway/config/gateway-config.ts requires it.`,
    ]);
    expect(composeProblems(changed(compose, (d) => delete (d[0]?.['services'] as Mutable)[firstNode]))).toContain(
      `${COMPOSE_FILE}: 0 nodes with CREDITOR_ID=${first.creditorId} (want exactly one per creditor in infra/demo/demo-nodes.ts).`,
    );
    expect(composeProblems(changed(compose, (d) => (composeEnv(d, 'coordinator')['CONSENT_SIGNING_KEY'] = '{"kty":"OKP"}')))).toContainEqual(
      expect.stringContaining(`${COMPOSE_FILE} service coordinator: CONSENT_SIGNING_KEY must be a \${VARIABLE} reference`),
    );
    expect(composeProblems(changed(compose, (d) => (composeEnv(d, 'coordinator')['PSEUDONYM_SECRET'] = '${PSEUDONYM_SECRET:-changeme}')))).toContainEqual(
      expect.stringContaining('PSEUDONYM_SECRET must be a ${VARIABLE} reference without a default'),
    );
    expect(composeProblems(changed(compose, (d) => (composeEnv(d, secondNode)['DATABASE_URL'] = composeEnv(d, firstNode)['DATABASE_URL'] ?? '')))).toContainEqual(
      expect.stringContaining(`${COMPOSE_FILE} service ${secondNode}: shares its database`),
    );
  });

  it('Compose: one gateway replica, a delivering coordinator, a wrong health check, a node database others reach', () => {
    const problems = composeProblems(
      changed(compose, (d) => {
        (composeService(d, 'gateway')['deploy'] as Mutable)['replicas'] = 1;
        composeEnv(d, 'coordinator')['DELIVERY_WORKER'] = 'true';
        (composeService(d, 'portal')['healthcheck'] as Mutable)['test'] = ['CMD', 'node', '-e', "fetch('http://127.0.0.1:4200/healthz')"];
        composeService(d, `db-${first.creditorId}`)['networks'] = ['frontend'];
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        `${COMPOSE_FILE} service gateway: 1 replica(s); the gateway runs at least 2.`,
        `${COMPOSE_FILE} service coordinator: DELIVERY_WORKER must be "false" (the worker delivers), got true.`,
        `${COMPOSE_FILE} service portal: readiness check on /healthz, want /health/ready.`,
        expect.stringMatching(new RegExp(`service db-${first.creditorId}: reachable from .*gateway`)),
      ]),
    );
  });

  it('Kubernetes: a missing setting, an inline key, a shared database secret, a wrong probe, a Secret with values', () => {
    const coordinatorFile = `${KUBERNETES_DIR}/coordinator.yaml`;
    const secondFile = `${KUBERNETES_DIR}/${secondNode}.yaml`;
    const problems = kubernetesProblems([
      ...k8sChanged(
        k8sChanged(kubernetes, coordinatorFile, (d) => {
          const env = k8sContainer(k8sDoc(d, 'Deployment', 'coordinator'))['env'] as Mutable[];
          const i = env.findIndex((e) => e['name'] === 'PSEUDONYM_SECRET');
          env.splice(i, 1);
          env.push({ name: 'LEDGER_SIGNING_KEY', value: '{"kty":"OKP"}' });
        }),
        secondFile,
        (d) => {
          const container = k8sContainer(k8sDoc(d, 'Deployment', secondNode));
          const dbUrl = (container['env'] as Mutable[]).find((e) => e['name'] === 'DATABASE_URL') as Mutable;
          dbUrl['valueFrom'] = { secretKeyRef: { name: firstNode, key: 'database-url' } };
          (container['livenessProbe'] as { httpGet: Mutable }).httpGet['path'] = '/healthz';
        },
      ),
      { path: `${KUBERNETES_DIR}/secret.yaml`, errors: [], docs: [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'leak' }, stringData: { password: 'x' } }] },
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        `${coordinatorFile} Deployment/coordinator container coordinator: PSEUDONYM_SECRET is not set, and apps/gateway/src/coordinator/config/coordinator-config.ts requires it.`,
        expect.stringContaining(`${coordinatorFile} Deployment/coordinator container coordinator: LEDGER_SIGNING_KEY is given inline`),
        expect.stringContaining(`${secondFile} Deployment/${secondNode} container node: shares its database (secret:${firstNode}/database-url)`),
        `${secondFile} Deployment/${secondNode} container node: liveness check on /healthz, want /health/live.`,
        expect.stringContaining(`${KUBERNETES_DIR}/secret.yaml Secret/leak: a Secret with values in the repository`),
        `${KUBERNETES_DIR}/secret.yaml: not listed in ${KUBERNETES_DIR}/kustomization.yaml.`,
      ]),
    );
  });

  it('Kubernetes: no limits, root, a node database the gateway reaches, a gateway HPA below two', () => {
    const gatewayFile = `${KUBERNETES_DIR}/gateway.yaml`;
    const firstFile = `${KUBERNETES_DIR}/${firstNode}.yaml`;
    const problems = kubernetesProblems(
      k8sChanged(
        k8sChanged(kubernetes, gatewayFile, (d) => {
          const container = k8sContainer(k8sDoc(d, 'Deployment', 'gateway'));
          delete container['resources'];
          container['securityContext'] = { allowPrivilegeEscalation: true };
          ((k8sDoc(d, 'Deployment', 'gateway')['spec'] as Mutable)['template'] as { spec: Mutable }).spec['securityContext'] = {};
          (k8sDoc(d, 'HorizontalPodAutoscaler', 'gateway')['spec'] as Mutable)['minReplicas'] = 1;
        }),
        firstFile,
        (d) => {
          const policy = k8sDoc(d, 'NetworkPolicy', `postgres-${first.creditorId}`);
          const ingress = (policy['spec'] as { ingress: { from: Mutable[] }[] }).ingress;
          ingress[0]?.from.push({ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'gateway' } } });
        },
      ),
    );
    const gateway = `${gatewayFile} Deployment/gateway`;
    expect(problems).toEqual(
      expect.arrayContaining([
        `${gateway} container gateway: no resources.limits.memory.`,
        `${gateway} container gateway: runAsNonRoot is not true.`,
        `${gateway} container gateway: allowPrivilegeEscalation is not false.`,
        `${gatewayFile} HorizontalPodAutoscaler/gateway: minReplicas 1; the gateway runs at least 2.`,
        expect.stringMatching(new RegExp(`StatefulSet/postgres-${first.creditorId}: reachable from .*gateway`)),
      ]),
    );
  });

  it('finds key material and a Dockerfile that forgets what the services read at run time', () => {
    expect(checkNoKeyMaterial([{ path: 'infra/x.yaml', text: 'KEY: \'{"kty":"OKP","crv":"Ed25519","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"}\'' }])).toHaveLength(1);
    expect(checkNoKeyMaterial([{ path: 'infra/x.pem', text: '-----BEGIN PRIVATE KEY-----' }])).toHaveLength(1);
    expect(checkNoKeyMaterial([{ path: 'infra/idp/README.md', text: '{"kty":"OKP","d":"…","x":"…"}' }])).toEqual([]);
    const dockerfile = repoFile('Dockerfile');
    const withoutSupergraph = dockerfile.split('\n').filter((l) => !l.includes('supergraph.graphql ./')).join('\n');
    expect(checkDockerfile(withoutSupergraph, repoFile('.dockerignore'))).toEqual([
      'Dockerfile: the runtime stage does not copy apps/gateway/supergraph.graphql (the services read it at run time).',
    ]);
    expect(checkDockerfile(dockerfile.replace(/^USER .*$/m, 'USER root'), '')).toEqual(
      expect.arrayContaining(['Dockerfile: the runtime stage runs as root; want a non-root USER.', '.dockerignore: does not leave out .env.']),
    );
  });
});
