/**
 * Diagnostics only (not part of `npm run bench`): what this machine charges for waking an idle
 * process. A trivial HTTP server (its own process, no framework, no database) answers requests one
 * at a time, back to back and then with a pause between them. On a machine where waking a sleeping
 * process is cheap the CPU per request stays flat; where it is dear (nested virtualisation), a request
 * that finds its server asleep costs several times one that finds it busy. A creditor node in a fan-out
 * is asleep whenever an overview reaches it. Run after a build: `node dist/bench/diagnostics/wake-cost.js`.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request } from 'node:http';
import { processCpuMs } from '../cpu.js';

const SERVER = `
const http = require('node:http');
const server = http.createServer((q, r) => { let b = ''; q.on('data', (c) => (b += c)); q.on('end', () => { r.setHeader('content-type', 'application/json'); r.end(JSON.stringify({ data: { length: b.length } })); }); });
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
`;

async function main(): Promise<void> {
  const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
    const port = Number(chunk.toString().trim());
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const ask = (): Promise<void> =>
      new Promise((done, fail) => {
        const outgoing = request({ host: '127.0.0.1', port, method: 'POST', path: '/', agent, headers: { 'content-type': 'application/json' } }, (answer) => {
          answer.resume();
          answer.on('end', done);
        });
        outgoing.on('error', fail);
        outgoing.end('{"query":"{ __typename }"}');
      });
    for (let i = 0; i < 500; i += 1) await ask();
    for (const gapMs of [0, 5, 20, 50]) {
      const requests = gapMs === 0 ? 2_000 : 200;
      const before = (await processCpuMs(child.pid)) ?? 0;
      const started = performance.now();
      for (let i = 0; i < requests; i += 1) {
        await ask();
        if (gapMs > 0) await new Promise((r) => setTimeout(r, gapMs));
      }
      const wallMs = (performance.now() - started - requests * gapMs) / requests;
      const cpuMs = (((await processCpuMs(child.pid)) ?? 0) - before) / requests;
      process.stdout.write(`${String(gapMs).padStart(2)} ms between requests: server ${cpuMs.toFixed(3)} ms CPU per request, ${wallMs.toFixed(2)} ms round trip\n`);
    }
    agent.destroy();
  } finally {
    child.kill('SIGKILL');
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
