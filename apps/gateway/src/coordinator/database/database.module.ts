import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { pgPoolOf, runMigrationsExclusively } from '#service-kit';
import type { CoordinatorConfig } from '../config/coordinator-config.js';
import { COORDINATOR_CONFIG } from '../config/coordinator-config.token.js';
import { createCoordinatorDataSource } from './coordinator-data-source.js';

/** The pg pool under the DataSource: the coordinator speaks plain, reviewed SQL. */
export const PG_POOL = Symbol('PG_POOL');

/** Opens the coordinator's database and brings its schema up to date before anything else starts. */
@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [COORDINATOR_CONFIG],
      useFactory: async (config: CoordinatorConfig): Promise<DataSource> => {
        const dataSource = createCoordinatorDataSource({ url: config.databaseUrl, poolSize: config.databasePoolSize });
        await dataSource.initialize();
        const applied = await runMigrationsExclusively(dataSource);
        if (applied.length > 0) new Logger('Database').log(`Applied migrations: ${applied.join(', ')}`);
        return dataSource;
      },
    },
    { provide: PG_POOL, inject: [DataSource], useFactory: (dataSource: DataSource): Pool => pgPoolOf(dataSource) },
  ],
  exports: [DataSource, PG_POOL],
})
export class CoordinatorDatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
