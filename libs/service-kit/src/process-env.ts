/** The one place a service touches process.env; everything else gets a validated configuration. */
export function readProcessEnv(): Readonly<Record<string, string | undefined>> {
  return process.env;
}
