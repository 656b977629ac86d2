import { DataSource } from 'typeorm';
import { CoordinatorSchema1764100000000 } from './migrations/1764100000000-coordinator-schema.js';
import { AccountLinks1764300000000 } from './migrations/1764300000000-account-links.js';
import { Proposals1764500000000 } from './migrations/1764500000000-proposals.js';
import { PlanReminders1764600000000 } from './migrations/1764600000000-plan-reminders.js';
import { PlanPauses1764700000000 } from './migrations/1764700000000-plan-pauses.js';
import { PlanLife1764800000000 } from './migrations/1764800000000-plan-life.js';
import { MandateInvitations1765000000000 } from './migrations/1765000000000-mandate-invitations.js';

export const COORDINATOR_MIGRATIONS = [
  CoordinatorSchema1764100000000,
  AccountLinks1764300000000,
  Proposals1764500000000,
  PlanReminders1764600000000,
  PlanPauses1764700000000,
  PlanLife1764800000000,
  MandateInvitations1765000000000,
];

/** The coordinator's own database. Migrations run at start, each in its own transaction. */
export function createCoordinatorDataSource(params: { readonly url: string; readonly poolSize?: number }): DataSource {
  return new DataSource({
    type: 'postgres',
    url: params.url,
    entities: [],
    migrations: COORDINATOR_MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: { max: params.poolSize ?? 8 },
  });
}
