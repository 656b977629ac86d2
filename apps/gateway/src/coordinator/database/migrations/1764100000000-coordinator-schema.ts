import type { MigrationInterface, QueryRunner } from 'typeorm';
import { LEDGER_SCHEMA_SQL } from '#consent';

/**
 * The coordinator's own database: people (by their OpenID subject), the creditor directory, consents,
 * mandates, and the consent ledger with its side index of who each entry concerns. Personal data
 * stays in these tables; the ledger itself holds pseudonyms and commitments only.
 */
export class CoordinatorSchema1764100000000 implements MigrationInterface {
  name = 'CoordinatorSchema1764100000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of LEDGER_SCHEMA_SQL) await q.query(statement);
    await q.query(`
      CREATE TABLE people (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        oidc_issuer text NOT NULL,
        oidc_subject text NOT NULL,
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (oidc_issuer, oidc_subject)
      )`);
    // A counsellor is a person seen with the counsellor role; residents can only mandate those.
    await q.query(`
      CREATE TABLE counsellors (
        person_id uuid PRIMARY KEY REFERENCES people (id),
        registered_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE creditors (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        sector text NOT NULL,
        subgraph_url text NOT NULL,
        key_set jsonb NOT NULL,
        registered_at timestamptz NOT NULL DEFAULT now(),
        registered_by uuid NOT NULL REFERENCES people (id)
      )`);
    await q.query(`
      CREATE TABLE consents (
        id uuid PRIMARY KEY,
        resident_id uuid NOT NULL REFERENCES people (id),
        given_by_role text NOT NULL CHECK (given_by_role IN ('resident', 'counsellor')),
        given_by uuid NOT NULL REFERENCES people (id),
        purpose text NOT NULL,
        creditor_ids text[] NOT NULL CHECK (cardinality(creditor_ids) > 0),
        categories text[] NOT NULL CHECK (cardinality(categories) > 0),
        valid_from timestamptz NOT NULL,
        valid_until timestamptz NOT NULL CHECK (valid_until > valid_from),
        text_version text NOT NULL,
        text_hash text NOT NULL CHECK (text_hash ~ '^[0-9a-f]{64}$'),
        state text NOT NULL CHECK (state IN ('given', 'withdrawn', 'expired')),
        ended_at timestamptz,
        ended_by uuid REFERENCES people (id),
        CHECK ((state = 'given') = (ended_at IS NULL))
      )`);
    await q.query(`CREATE INDEX consents_by_resident ON consents (resident_id, state)`);
    await q.query(`CREATE INDEX consents_to_expire ON consents (valid_until) WHERE state = 'given'`);
    await q.query(`
      CREATE TABLE mandates (
        id uuid PRIMARY KEY,
        resident_id uuid NOT NULL REFERENCES people (id),
        counsellor_id uuid NOT NULL REFERENCES counsellors (person_id),
        valid_from timestamptz NOT NULL,
        valid_until timestamptz NOT NULL CHECK (valid_until > valid_from),
        text_version text NOT NULL,
        text_hash text NOT NULL CHECK (text_hash ~ '^[0-9a-f]{64}$'),
        state text NOT NULL CHECK (state IN ('given', 'withdrawn', 'expired')),
        ended_at timestamptz,
        ended_by uuid REFERENCES people (id),
        CHECK (resident_id <> counsellor_id),
        CHECK ((state = 'given') = (ended_at IS NULL))
      )`);
    await q.query(`CREATE INDEX mandates_by_resident ON mandates (resident_id, state)`);
    await q.query(`CREATE INDEX mandates_by_counsellor ON mandates (counsellor_id, state)`);
    await q.query(`CREATE INDEX mandates_to_expire ON mandates (valid_until) WHERE state = 'given'`);
    // Which ledger entries are about which record and which party, and the openings of the creditor
    // commitments. Written in the same transaction as the entry (the foreign keys wait for it).
    await q.query(`
      CREATE TABLE ledger_record_entries (
        record_id uuid NOT NULL,
        idx bigint NOT NULL REFERENCES ledger_entries (idx) DEFERRABLE INITIALLY DEFERRED,
        kind text NOT NULL,
        PRIMARY KEY (record_id, idx)
      )`);
    await q.query(`
      CREATE TABLE ledger_entry_parties (
        party text NOT NULL,
        idx bigint NOT NULL REFERENCES ledger_entries (idx) DEFERRABLE INITIALLY DEFERRED,
        PRIMARY KEY (party, idx)
      )`);
    await q.query(`
      CREATE TABLE ledger_entry_openings (
        idx bigint NOT NULL REFERENCES ledger_entries (idx) DEFERRABLE INITIALLY DEFERRED,
        creditor_id text NOT NULL,
        nonce text NOT NULL,
        PRIMARY KEY (idx, creditor_id)
      )`);
  }

  async down(): Promise<void> {
    // The ledger is append-only; a schema that held it is never rolled back.
    throw new Error('The coordinator schema cannot be rolled back.');
  }
}
