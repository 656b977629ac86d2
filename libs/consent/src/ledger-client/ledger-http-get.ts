/**
 * One GET of the ledger's JSON API, with every way it can go wrong turned into a sentence for the
 * verification report: a verifier talks to a server it does not trust, so failures are data, not
 * exceptions.
 */
export type HttpGetResult = { readonly ok: true; readonly body: unknown } | { readonly ok: false; readonly problem: string };

/** The `{ error: { code, message } }` body LEDGER.md fixes for refusals, when there is one. */
function errorDetail(text: string): string {
  try {
    const body = JSON.parse(text) as unknown;
    if (typeof body === 'object' && body !== null && 'error' in body) {
      const { error } = body;
      if (typeof error === 'object' && error !== null) {
        const { code, message } = error as { code?: unknown; message?: unknown };
        const parts = [typeof code === 'string' ? code : undefined, typeof message === 'string' ? message : undefined].filter(Boolean);
        if (parts.length > 0) return `: ${parts.join(': ')}`;
      }
    }
  } catch {
    // Not JSON: the status alone must do.
  }
  return '';
}

/** The message of an error, read by shape: errors from another realm (a vm, a worker) fail instanceof. */
function messageOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { message } = error as { message?: unknown };
  return typeof message === 'string' ? message : undefined;
}

function causeOf(error: unknown): string {
  const message = messageOf(error) ?? String(error);
  // Node's fetch reports "fetch failed" and hides the useful part (ECONNREFUSED, DNS) in `cause`.
  const cause = typeof error === 'object' && error !== null ? messageOf((error as { cause?: unknown }).cause) : undefined;
  return cause === undefined ? message : `${message} (${cause})`;
}

export async function getJson(params: {
  readonly fetch: typeof fetch;
  readonly url: URL;
  readonly token?: string;
  readonly signal?: AbortSignal;
}): Promise<HttpGetResult> {
  // The URL never carries the token (it goes in a header), so it is safe to print in a report.
  const where = `GET ${params.url.toString()}`;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (params.token !== undefined) headers['authorization'] = `Bearer ${params.token}`;
  let response: Response;
  let text: string;
  try {
    response = await params.fetch(params.url, { headers, ...(params.signal ? { signal: params.signal } : {}) });
    text = await response.text();
  } catch (error) {
    return { ok: false, problem: `${where} failed: ${causeOf(error)}` };
  }
  if (!response.ok) return { ok: false, problem: `${where} answered ${response.status}${errorDetail(text)}` };
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, problem: `${where} did not answer JSON` };
  }
}
