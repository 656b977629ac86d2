/** The ledger CLI's only read of the environment. */
export interface LedgerCliEnv {
  /**
   * LEDGER_TOKEN: the bearer credential for `verify --url`, as an alternative to `--token`, so it
   * does not show up in the process list or the shell history of a machine that runs it on a schedule.
   */
  readonly token: string | undefined;
}

export function readLedgerCliEnv(): LedgerCliEnv {
  const token = process.env['LEDGER_TOKEN']?.trim();
  return { token: token === undefined || token === '' ? undefined : token };
}
