/** The one place the node touches process.env; everything else gets a validated NodeConfig. */
export function readProcessEnv(): Readonly<Record<string, string | undefined>> {
  return process.env;
}
