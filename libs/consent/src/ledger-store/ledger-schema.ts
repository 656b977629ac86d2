import { emptyRoot, toHex } from '../ledger/hashing.js';

/**
 * The ledger's tables. Entries and subtree hashes are append-only, and the head may only grow: the
 * database itself refuses anything else, so not even a bug in our code can rewrite history (a
 * superuser can, by disabling triggers; `verifyLedgerDatabase` is there to catch that).
 */
export const LEDGER_SCHEMA_SQL: readonly string[] = [
  `CREATE TABLE ledger_entries (
     idx bigint PRIMARY KEY CHECK (idx >= 0),
     leaf bytea NOT NULL,
     leaf_hash bytea NOT NULL CHECK (length(leaf_hash) = 32),
     appended_at timestamptz NOT NULL DEFAULT now()
   )`,
  // Hashes of perfect, aligned subtrees of 2^level leaves (level ≥ 1): proofs read these, never leaves.
  `CREATE TABLE ledger_subtrees (
     level smallint NOT NULL CHECK (level BETWEEN 1 AND 62),
     idx bigint NOT NULL CHECK (idx >= 0),
     hash bytea NOT NULL CHECK (length(hash) = 32),
     PRIMARY KEY (level, idx)
   )`,
  `CREATE TABLE ledger_head (
     singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
     tree_size bigint NOT NULL CHECK (tree_size >= 0),
     root_hash bytea NOT NULL CHECK (length(root_hash) = 32),
     compact_range jsonb NOT NULL,
     updated_at timestamptz NOT NULL DEFAULT now()
   )`,
  `INSERT INTO ledger_head (tree_size, root_hash, compact_range)
   VALUES (0, '\\x${toHex(emptyRoot())}', '{"size":0,"hashes":[]}')`,
  `CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION 'the ledger is append-only (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
   END $$`,
  `CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_entries
   FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change()`,
  `CREATE TRIGGER ledger_subtrees_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_subtrees
   FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change()`,
  `CREATE TRIGGER ledger_head_keep BEFORE DELETE OR TRUNCATE ON ledger_head
   FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change()`,
  `CREATE FUNCTION ledger_head_only_grows() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF NEW.tree_size <= OLD.tree_size THEN
       RAISE EXCEPTION 'the ledger head may only grow (% -> %)', OLD.tree_size, NEW.tree_size USING ERRCODE = 'insufficient_privilege';
     END IF;
     RETURN NEW;
   END $$`,
  `CREATE TRIGGER ledger_head_grows BEFORE UPDATE ON ledger_head FOR EACH ROW EXECUTE FUNCTION ledger_head_only_grows()`,
  // Every checkpoint ever signed, so a verifier (or a node) can ask for one at any earlier size.
  `CREATE TABLE ledger_checkpoints (
     tree_size bigint PRIMARY KEY CHECK (tree_size >= 0),
     root_hash bytea NOT NULL CHECK (length(root_hash) = 32),
     jws text NOT NULL,
     key_id text NOT NULL,
     issued_at timestamptz NOT NULL
   )`,
  `CREATE TRIGGER ledger_checkpoints_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_checkpoints
   FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change()`,
  // The public half of every key that ever signed a checkpoint or a receipt. Keys are only added and
  // retired, never removed: the JWKS is built from this table.
  `CREATE TABLE ledger_signing_keys (
     key_id text PRIMARY KEY,
     public_jwk jsonb NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     retired_at timestamptz
   )`,
  `CREATE UNIQUE INDEX ledger_signing_keys_one_active ON ledger_signing_keys ((true)) WHERE retired_at IS NULL`,
  `CREATE FUNCTION ledger_keys_only_retire() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF NEW.key_id <> OLD.key_id OR NEW.public_jwk <> OLD.public_jwk OR NEW.created_at <> OLD.created_at
        OR OLD.retired_at IS NOT NULL OR NEW.retired_at IS NULL THEN
       RAISE EXCEPTION 'a ledger signing key can only be retired, once' USING ERRCODE = 'insufficient_privilege';
     END IF;
     RETURN NEW;
   END $$`,
  `CREATE TRIGGER ledger_keys_retire_only BEFORE UPDATE ON ledger_signing_keys FOR EACH ROW EXECUTE FUNCTION ledger_keys_only_retire()`,
  `CREATE TRIGGER ledger_keys_keep BEFORE DELETE OR TRUNCATE ON ledger_signing_keys
   FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change()`,
];
