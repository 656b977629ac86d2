/**
 * Diagnostics only (not part of `npm run bench`): starts the creditor node exactly as its main.ts
 * does, with two knobs for experiments that do not need the node's code changed:
 *   BENCH_POOL_MAX=<n>        resize the node's PostgreSQL pool (main.ts hard-wires 10)
 *   BENCH_CPU_PROFILE=<file>  sample the CPU between the IPC messages 'profile-start' and 'profile-stop'
 */
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { DataSource } from 'typeorm';
import { loadNodeConfig } from '../../apps/creditor-node/src/config/node-config.js';
import { createNodeApp } from '../../apps/creditor-node/src/main.js';
import { benchEnv, processEnv } from '../bench-env.js';

async function main(): Promise<void> {
  const config = await loadNodeConfig(processEnv());
  const app = await createNodeApp(config);

  const poolMax = benchEnv.poolMax;
  if (poolMax !== '') {
    const driver = app.get(DataSource).driver as unknown as { master?: { options: { max: number } } };
    if (driver.master === undefined) throw new Error('no pg pool found on the DataSource');
    driver.master.options.max = Number(poolMax); // pg-pool reads options.max on every checkout
  }

  const profileFile = benchEnv.cpuProfile;
  if (profileFile !== '') {
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    // Over the IPC channel: Nest's shutdown hooks own the usual signals (SIGHUP, SIGUSR2 close the app).
    process.on('message', (message: unknown) => {
      void (async () => {
        if (message === 'profile-start') {
          await session.post('Profiler.start');
          process.send?.('profile-started');
        } else if (message === 'profile-stop') {
          const { profile } = await session.post('Profiler.stop');
          await writeFile(profileFile, JSON.stringify(profile));
          process.send?.('profile-written');
        }
      })();
    });
  }

  await app.listen(config.port, '127.0.0.1');
}

main().catch((error: unknown) => {
  process.stderr.write(`profiled node could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
