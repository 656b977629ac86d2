/** Anything that runs SQL and returns the rows: a TypeORM DataSource, or a pg pool wrapped by {@link rowsOf}. */
export interface SqlRunner {
  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T>;
}

/** A pg pool as a {@link SqlRunner}. */
export function rowsOf(pool: { query(sql: string, parameters?: unknown[]): Promise<{ rows: unknown[] }> }): SqlRunner {
  return { query: async <T>(sql: string, parameters?: unknown[]) => (await pool.query(sql, parameters)).rows as T };
}

export interface SeedClaim {
  reference: string;
  principalCents: number;
  interestCents?: number;
  costsCents?: number;
  description?: string;
  status?: string;
  stage?: string;
  preferential?: boolean;
  issuedOn?: string;
  dueOn?: string;
}

/** Puts one customer with claims, linked to a pseudonym, straight into a node's database. */
export async function seedLinkedCustomer(
  db: SqlRunner,
  params: { customerReference: string; pseudonym?: string; postcode?: string; claims: SeedClaim[] },
): Promise<void> {
  const [customer] = await db.query<{ id: string }[]>(
    `INSERT INTO customers (reference, postcode, birth_date) VALUES ($1, $2, '1984-03-12') RETURNING id`,
    [params.customerReference, params.postcode ?? '3511AB'],
  );
  if (!customer) throw new Error('customer not inserted');
  if (params.pseudonym !== undefined) {
    await db.query(`INSERT INTO account_links (pseudonym, customer_id) VALUES ($1, $2)`, [params.pseudonym, customer.id]);
  }
  for (const claim of params.claims) {
    await db.query(
      `INSERT INTO claims (reference, customer_id, description, principal_cents, interest_cents, costs_cents,
                           issued_on, due_on, stage, preferential, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        claim.reference,
        customer.id,
        claim.description ?? 'Afvalstoffenheffing 2025',
        claim.principalCents,
        claim.interestCents ?? 0,
        claim.costsCents ?? 0,
        claim.issuedOn ?? '2025-02-28',
        claim.dueOn ?? '2025-04-30',
        claim.stage ?? 'reminder',
        claim.preferential ?? false,
        claim.status ?? 'open',
      ],
    );
  }
}
