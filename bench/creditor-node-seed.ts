import pg from 'pg';

export interface SeedSize {
  readonly customers: number;
  readonly claimsPerCustomer: number;
}

/** The pseudonym the seed links customer number `n` (1-based) to. */
export function seededPseudonym(customerNumber: number): string {
  return `ps_${customerNumber}`;
}

const DESCRIPTIONS = [
  'Afvalstoffenheffing 2024',
  'Afvalstoffenheffing 2025',
  'Onroerendezaakbelasting 2025',
  'Rioolheffing 2025',
  'Parkeerbelasting naheffingsaanslag',
  'Hondenbelasting 2025',
  'Terugvordering bijzondere bijstand',
  'Leges paspoort en rijbewijs',
  'Huur gemeentelijke berging',
  'Boete Participatiewet',
  'Terugvordering kinderopvangtoeslag',
  'Precariobelasting terras',
];

/**
 * Fills a node's freshly migrated database set-based (generate_series, one statement per table, no
 * per-row round trips): customers with Dutch postcodes, `claimsPerCustomer` open claims each with
 * realistic amounts, dates and collection stages, and an account link per customer. Rows of one
 * customer are inserted together, as a creditor's import would, then the planner statistics are built.
 */
export async function seedCreditorNode(databaseUrl: string, size: SeedSize): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, statement_timeout: 180_000 });
  await client.connect();
  try {
    // Bulk load: nothing is lost if this session's last commits are (the benchmark starts over anyway).
    await client.query(`SET synchronous_commit = off`);
    await client.query(`SELECT setseed(0.4217)`);
    await client.query(
      `INSERT INTO customers (reference, postcode, birth_date)
       SELECT 'K-' || lpad(n::text, 6, '0'),
              (1000 + floor(random() * 9000))::int::text
                || substr('ABCDEGHJKLMNPRTVWXZ', 1 + floor(random() * 19)::int, 1)
                || substr('ABCDEGHJKLMNPRTVWXZ', 1 + floor(random() * 19)::int, 1),
              date '1940-01-01' + floor(random() * 365 * 65)::int
         FROM generate_series(1, $1::int) AS n`,
      [size.customers],
    );
    await client.query(
      `INSERT INTO claims (reference, customer_id, description, principal_cents, interest_cents, costs_cents,
                           issued_on, due_on, stage, preferential, status)
       SELECT 'AJ-' || substr(x.customer_reference, 3) || '-' || lpad(x.i::text, 2, '0'),
              x.customer_id,
              ($2::text[])[1 + floor(x.r_description * array_length($2::text[], 1))::int],
              x.principal,
              CASE WHEN x.stage = 'invoice' THEN 0 ELSE floor(x.principal * x.r_interest * 0.08)::bigint END,
              CASE x.stage WHEN 'invoice' THEN 0 WHEN 'reminder' THEN 1500
                           WHEN 'formal_demand' THEN 4000 + floor(x.r_costs * 6000)::bigint
                           ELSE 15000 + floor(x.r_costs * 45000)::bigint END,
              x.issued_on,
              x.issued_on + (ARRAY[14, 30, 30, 42, 60])[1 + floor(x.r_term * 5)::int],
              x.stage,
              x.r_preferential < 0.12,
              'open'
         FROM (SELECT k.id AS customer_id, k.reference AS customer_reference, i,
                      (1500 + floor(power(random(), 3) * 248500))::bigint AS principal,
                      date '2023-01-02' + floor(random() * 1000)::int AS issued_on,
                      (ARRAY['invoice', 'invoice', 'invoice', 'invoice', 'reminder', 'reminder', 'reminder',
                             'formal_demand', 'formal_demand', 'writ'])[1 + floor(random() * 10)::int] AS stage,
                      random() AS r_description, random() AS r_interest, random() AS r_costs,
                      random() AS r_term, random() AS r_preferential
                 FROM customers k CROSS JOIN generate_series(1, $1::int) AS i
                ORDER BY k.reference, i) AS x`,
      [size.claimsPerCustomer, DESCRIPTIONS],
    );
    await client.query(
      `INSERT INTO account_links (pseudonym, customer_id, consent_id)
       SELECT 'ps_' || ltrim(substr(reference, 3), '0'), id, 'consent-seed-' || substr(reference, 3)
         FROM customers ORDER BY reference`,
    );
    // Steady state: statistics, hint bits and the visibility map as autovacuum would leave them.
    await client.query(`VACUUM (ANALYZE) customers, claims, account_links`);
    // Write the load out now, so the flush does not compete with the measurements that follow.
    await client.query(`CHECKPOINT`);
  } finally {
    await client.end();
  }
}
