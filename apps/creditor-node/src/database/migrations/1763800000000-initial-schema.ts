import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The node's first schema. Rules that protect money and history live in the database too, so no code
 * path (or hand-written SQL) can store a negative amount, an unknown stage or rewrite the audit trail.
 */
export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE customers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE CHECK (reference ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$'),
        postcode text NOT NULL CHECK (postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
        birth_date date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE account_links (
        pseudonym text NOT NULL,
        customer_id uuid NOT NULL REFERENCES customers (id),
        consent_id text,
        linked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (pseudonym, customer_id)
      )`);
    await db.query(`
      CREATE TABLE claims (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE CHECK (reference ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$'),
        customer_id uuid NOT NULL REFERENCES customers (id),
        description text NOT NULL CHECK (length(description) BETWEEN 1 AND 200),
        principal_cents bigint NOT NULL CHECK (principal_cents > 0 AND principal_cents <= 1000000000),
        interest_cents bigint NOT NULL DEFAULT 0 CHECK (interest_cents >= 0 AND interest_cents <= 1000000000),
        costs_cents bigint NOT NULL DEFAULT 0 CHECK (costs_cents >= 0 AND costs_cents <= 1000000000),
        issued_on date NOT NULL,
        due_on date NOT NULL,
        stage text NOT NULL CHECK (stage IN ('invoice', 'reminder', 'formal_demand', 'writ')),
        preferential boolean NOT NULL,
        status text NOT NULL DEFAULT 'open'
          CHECK (status IN ('open', 'proposed', 'in_plan', 'paid', 'settled', 'disputed')),
        revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (due_on >= issued_on),
        CHECK (principal_cents + interest_cents + costs_cents <= 1000000000)
      )`);
    await db.query(`CREATE INDEX claims_customer_idx ON claims (customer_id)`);
    await db.query(`
      CREATE TABLE claim_transitions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        claim_id uuid NOT NULL REFERENCES claims (id),
        from_status text,
        to_status text NOT NULL,
        event text,
        reason text NOT NULL CHECK (length(reason) > 0),
        actor text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX claim_transitions_claim_idx ON claim_transitions (claim_id, id)`);
    await db.query(`
      CREATE TABLE claim_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source text NOT NULL CHECK (source IN ('graphql', 'csv')),
        actor text NOT NULL,
        file_name text,
        content_sha256 text NOT NULL,
        row_count integer NOT NULL,
        created integer NOT NULL,
        updated integer NOT NULL,
        unchanged integer NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE claim_revisions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        claim_id uuid NOT NULL REFERENCES claims (id),
        import_id uuid NOT NULL REFERENCES claim_imports (id),
        revision integer NOT NULL,
        change text NOT NULL CHECK (change IN ('created', 'updated')),
        before jsonb,
        after jsonb NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (claim_id, revision)
      )`);
    await db.query(`
      CREATE TABLE disclosures (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        consent_id text NOT NULL,
        token_id text NOT NULL,
        pseudonym text NOT NULL,
        purpose text NOT NULL,
        categories text[] NOT NULL,
        claim_references text[] NOT NULL
      )`);
    await db.query(`CREATE INDEX disclosures_at_idx ON disclosures (at DESC, id DESC)`);
    await db.query(`CREATE INDEX disclosures_pseudonym_idx ON disclosures (pseudonym, at DESC)`);
    // History tables are append-only: the database itself refuses to rewrite them.
    await db.query(`
      CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['claim_transitions', 'claim_revisions', 'claim_imports', 'disclosures']) {
      await db.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change()`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['disclosures', 'claim_revisions', 'claim_imports', 'claim_transitions', 'claims', 'account_links', 'customers']) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`DROP FUNCTION refuse_history_change()`);
  }
}
