import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Budgets, proposals and their delivery. A proposal, its creditors and the outbox rows that deliver
 * it are written in one transaction with its ledger entry; the outbox relay hands the rows to bull.
 */
export class Proposals1764500000000 implements MigrationInterface {
  name = 'Proposals1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE budgets (
        resident_id uuid PRIMARY KEY REFERENCES people (id),
        input jsonb NOT NULL,
        pay_day integer NOT NULL CHECK (pay_day BETWEEN 1 AND 31),
        net_income_cents bigint NOT NULL CHECK (net_income_cents >= 0),
        bvv_cents bigint NOT NULL CHECK (bvv_cents >= 0),
        capacity_cents bigint NOT NULL CHECK (capacity_cents >= 0),
        result jsonb NOT NULL,
        entered_by uuid NOT NULL REFERENCES people (id),
        entered_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE proposals (
        id uuid PRIMARY KEY,
        resident_id uuid NOT NULL REFERENCES people (id),
        status text NOT NULL CHECK (status IN ('open', 'started', 'replaced', 'withdrawn')),
        mode text NOT NULL CHECK (mode IN ('repayment', 'settlement')),
        capacity_cents bigint NOT NULL CHECK (capacity_cents >= 0),
        pay_day integer NOT NULL CHECK (pay_day BETWEEN 1 AND 31),
        plan jsonb NOT NULL,
        plan_hash text NOT NULL,
        commitment_root text NOT NULL,
        replaces uuid REFERENCES proposals (id),
        proposed_by uuid NOT NULL REFERENCES people (id),
        proposed_at timestamptz NOT NULL,
        answer_by timestamptz NOT NULL,
        started_at timestamptz,
        first_due_date date,
        schedule jsonb
      )`);
    await q.query(`CREATE INDEX proposals_resident_idx ON proposals (resident_id, proposed_at DESC)`);
    await q.query(`
      CREATE TABLE proposal_creditors (
        proposal_id uuid NOT NULL REFERENCES proposals (id),
        creditor_id text NOT NULL REFERENCES creditors (id),
        share jsonb NOT NULL,
        delivery text NOT NULL DEFAULT 'pending' CHECK (delivery IN ('pending', 'delivered', 'failed')),
        delivery_attempts integer NOT NULL DEFAULT 0,
        delivery_error text,
        delivered_at timestamptz,
        decision text CHECK (decision IN ('accept', 'reject', 'counter', 'no_answer')),
        reason_code text,
        reason_text text,
        counter jsonb,
        decided_by text,
        answer_id uuid UNIQUE,
        answered_at timestamptz,
        PRIMARY KEY (proposal_id, creditor_id)
      )`);
    await q.query(`
      CREATE TABLE proposal_manual_claims (
        proposal_id uuid NOT NULL REFERENCES proposals (id),
        claim_id text NOT NULL,
        creditor_name text NOT NULL,
        reference text NOT NULL,
        amount_cents bigint NOT NULL CHECK (amount_cents > 0),
        preferential boolean NOT NULL,
        PRIMARY KEY (proposal_id, claim_id)
      )`);
    await q.query(`
      CREATE TABLE outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        job_name text NOT NULL,
        -- bull's job id: a job added twice (a relay that died after adding, before marking) is one job
        job_id text NOT NULL UNIQUE,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz,
        -- set by the worker when the job is done (or given up): until then the relay makes sure the
        -- queue still holds it, so a Redis that lost its data loses no delivery
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_pending_idx ON outbox (id) WHERE dispatched_at IS NULL`);
    await q.query(`CREATE INDEX outbox_unfinished_idx ON outbox (dispatched_at) WHERE finished_at IS NULL`);
    // The in-app inbox: what residents and counsellors are told, in Dutch and English.
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_id uuid NOT NULL REFERENCES people (id),
        resident_id uuid NOT NULL REFERENCES people (id),
        kind text NOT NULL,
        proposal_id uuid REFERENCES proposals (id),
        text_nl text NOT NULL,
        text_en text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await q.query(`CREATE INDEX notifications_recipient_idx ON notifications (recipient_id, created_at DESC)`);
    // What the e-mail and SMS channels would send; their development versions stop here (the demo shows it).
    await q.query(`
      CREATE TABLE channel_outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        notification_id uuid NOT NULL REFERENCES notifications (id),
        channel text NOT NULL CHECK (channel IN ('email', 'sms')),
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['channel_outbox', 'notifications', 'outbox', 'proposal_manual_claims', 'proposal_creditors', 'proposals', 'budgets']) await q.query(`DROP TABLE ${table}`);
  }
}
