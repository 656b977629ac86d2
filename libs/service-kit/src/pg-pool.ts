import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

/**
 * The pg pool under TypeORM's DataSource. Hot paths use it directly with named (prepared) statements:
 * PostgreSQL then plans them once per connection, and TypeORM's per-query bookkeeping is skipped.
 */
export function pgPoolOf(dataSource: DataSource): Pool {
  return (dataSource.driver as PostgresDriver).master as Pool;
}
