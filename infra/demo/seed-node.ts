import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { withClient } from './demo-databases.js';
import type { CoordinatorSession } from './coordinator-sessions.js';
import { nodeUrl, type DemoNode, type DemoResident } from './demo-nodes.js';

export interface ImportCounts {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}

/**
 * Uploads infra/demo/seed/<creditor-id>.csv through the node's real CSV import endpoint, as a staff
 * member would, so the demo runs the same validation and audit trail as production imports.
 */
export async function uploadSeedCsv(params: { node: DemoNode; seedDir: string; staffToken: string }): Promise<ImportCounts> {
  const file = join(params.seedDir, `${params.node.creditorId}.csv`);
  const response = await fetch(`${nodeUrl(params.node)}/backoffice/claims/import`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${params.staffToken}`,
      'content-type': 'text/csv; charset=utf-8',
      'x-file-name': basename(file),
    },
    body: await readFile(file),
  });
  const body: unknown = await response.json();
  if (response.status !== 200 || !isImportCounts(body)) {
    throw new Error(`${params.node.creditorId} refused ${basename(file)} (HTTP ${response.status}): ${describeRefusal(body)}`);
  }
  return body;
}

/**
 * Links each demo resident's account at this creditor the real way: through the coordinator's
 * `linkAccount`, with the customer number, postcode and birth date from the creditor's letter, which
 * the node checks before it stores the resident's pseudonym. The demo reads what the letter would say
 * (postcode, birth date) from the node's seed data. Returns how many claims each linked resident has here.
 */
export async function linkDemoResidents(params: {
  databaseUrl: string;
  creditorId: string;
  residents: readonly { resident: DemoResident; session: CoordinatorSession }[];
}): Promise<Map<string, number>> {
  const claims = new Map<string, number>();
  await withClient(params.databaseUrl, async (db) => {
    for (const { resident, session } of params.residents) {
      const customerReference = resident.accounts[params.creditorId];
      if (customerReference === undefined) continue;
      const { rows } = await db.query<{ postcode: string; birth_date: string | null; claims: string }>(
        `SELECT cu.postcode, to_char(cu.birth_date, 'YYYY-MM-DD') AS birth_date, count(c.id)::text AS claims
           FROM customers cu LEFT JOIN claims c ON c.customer_id = cu.id
          WHERE cu.reference = $1 GROUP BY cu.id`,
        [customerReference],
      );
      const letter = rows[0];
      if (letter === undefined) throw new Error(`${params.creditorId} has no customer ${customerReference} in its seed data.`);
      const { linkAccount } = await session.graphql<{ linkAccount: { linked: boolean; message: string } }>(
        'mutation ($input: LinkAccountInput!) { linkAccount(input: $input) { linked message } }',
        { input: { creditorId: params.creditorId, reference: customerReference, postcode: letter.postcode, ...(letter.birth_date === null ? {} : { birthDate: letter.birth_date }) } },
      );
      if (!linkAccount.linked) throw new Error(`${resident.residentId} could not link ${customerReference} at ${params.creditorId}: ${linkAccount.message}`);
      claims.set(resident.residentId, Number(letter.claims));
    }
  });
  return claims;
}

export async function countClaims(databaseUrl: string): Promise<number> {
  return withClient(databaseUrl, async (db) => {
    // The table exists once the node has run its migrations, which it does before it reports ready.
    const result = await db.query<{ n: string }>('SELECT count(*)::text AS n FROM claims');
    return Number(result.rows[0]?.n ?? 0);
  });
}

function isImportCounts(value: unknown): value is ImportCounts {
  if (typeof value !== 'object' || value === null) return false;
  const counts = value as Record<string, unknown>;
  return ['created', 'updated', 'unchanged'].every((key) => typeof counts[key] === 'number');
}

/** The node's 422 lists every bad row; show the first few. */
function describeRefusal(body: unknown): string {
  const error = (body as { error?: { message?: unknown; rows?: unknown } } | null)?.error;
  if (error === undefined) return JSON.stringify(body);
  const rows = Array.isArray(error.rows) ? (error.rows as { row?: unknown; field?: unknown; message?: unknown }[]) : [];
  const details = rows.slice(0, 10).map((r) => `\n    line ${String(r.row)} ${String(r.field)}: ${String(r.message)}`);
  return `${String(error.message)}${details.join('')}`;
}
