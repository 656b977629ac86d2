/** Builds the URL of one ledger API path (with its integer query parameters) below the service's base. */
export type LedgerApiUrl = (path: string, query?: Readonly<Record<string, number>>) => URL;

/** The URL builder for a ledger served at `baseUrl`, or undefined when `baseUrl` is not a URL. */
export function ledgerApiUrl(baseUrl: string): LedgerApiUrl | undefined {
  let base: URL;
  try {
    // A trailing slash makes relative paths resolve below a base path (https://host/coordinator/…).
    base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  } catch {
    return undefined;
  }
  return (path, query = {}) => {
    const result = new URL(path, base);
    for (const [name, value] of Object.entries(query)) result.searchParams.set(name, String(value));
    return result;
  };
}
