import { readProcessEnv } from '#service-kit';
import { SimulatedPaymentProvider } from './simulated-provider.js';

/**
 * DEVELOPMENT ONLY: runs the simulated payment provider. Production points the coordinator's
 * PAYMENT_PROVIDER_SECRET at a real provider's webhook secret instead, and runs none of this.
 */
async function main(): Promise<void> {
  const env = readProcessEnv();
  const secret = env['PAYMENT_PROVIDER_SECRET'] ?? '';
  const coordinator = env['COORDINATOR_URL'] ?? '';
  if (secret.length < 32 || !/^https?:\/\//.test(coordinator)) {
    process.stderr.write('The simulated payment provider needs PAYMENT_PROVIDER_SECRET (≥ 32 characters) and COORDINATOR_URL (http(s)://…).\n');
    process.exit(78);
  }
  const provider = new SimulatedPaymentProvider({
    host: env['HOST'] ?? '127.0.0.1',
    port: Number(env['PORT'] ?? 4090),
    callbackUrl: new URL('/payments/v1/callback', coordinator),
    secret,
  });
  await provider.start();
  process.stdout.write(`Simulated payment provider (development only) on ${provider.url}; callbacks to ${coordinator}.\n`);
  const stop = (): void => {
    provider.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
