import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { CoordinatorErrorCode, isPublicBody, type CreditorSector } from '#contracts';
import { CoordinatorError } from '../common/coordinator-error.js';
import { PG_POOL } from '../database/database.module.js';
import type { CreditorRegistration, PublicKeySet } from './domain/creditor-registration.js';

export interface DirectoryEntry {
  readonly id: string;
  readonly name: string;
  readonly sector: CreditorSector;
  readonly publicBody: boolean;
  readonly subgraphUrl: string;
  readonly registeredAt: Date;
}

interface CreditorRow {
  id: string;
  name: string;
  sector: string;
  subgraph_url: string;
  registered_at: Date;
}

const UNIQUE_VIOLATION = '23505';

/** The creditor directory: which nodes exist, where they are, and the keys they sign with. */
@Injectable()
export class CreditorDirectory {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async register(registration: CreditorRegistration, registeredBy: string): Promise<DirectoryEntry> {
    try {
      const { rows } = await this.pool.query<CreditorRow>(
        `INSERT INTO creditors (id, name, sector, subgraph_url, key_set, registered_by) VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING id, name, sector, subgraph_url, registered_at`,
        [registration.id, registration.name, registration.sector, registration.subgraphUrl, JSON.stringify(registration.keySet), registeredBy],
      );
      return entryOf(rows[0] as CreditorRow);
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new CoordinatorError(CoordinatorErrorCode.CREDITOR_ALREADY_REGISTERED, `Creditor "${registration.id}" is already registered.`);
      }
      throw error;
    }
  }

  async list(): Promise<DirectoryEntry[]> {
    const { rows } = await this.pool.query<CreditorRow>({
      name: 'creditors-list',
      text: 'SELECT id, name, sector, subgraph_url, registered_at FROM creditors ORDER BY name, id',
    });
    return rows.map(entryOf);
  }

  async byIds(ids: readonly string[]): Promise<Map<string, DirectoryEntry>> {
    const { rows } = await this.pool.query<CreditorRow>({
      name: 'creditors-by-ids',
      text: 'SELECT id, name, sector, subgraph_url, registered_at FROM creditors WHERE id = ANY($1::text[])',
      values: [ids],
    });
    return new Map(rows.map((row) => [row.id, entryOf(row)]));
  }

  async keySet(id: string): Promise<PublicKeySet | null> {
    const { rows } = await this.pool.query<{ key_set: PublicKeySet }>({
      name: 'creditor-key-set',
      text: 'SELECT key_set FROM creditors WHERE id = $1',
      values: [id],
    });
    return rows[0]?.key_set ?? null;
  }
}

function entryOf(row: CreditorRow): DirectoryEntry {
  const sector = row.sector as CreditorSector;
  return {
    id: row.id,
    name: row.name,
    sector,
    publicBody: isPublicBody(sector),
    subgraphUrl: row.subgraph_url,
    registeredAt: row.registered_at,
  };
}
