import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NodeConfig } from '../config/node-config.js';
import { NODE_CONFIG } from '../config/node-config.token.js';
import { createNodeDataSource } from './node-data-source.js';
import { runMigrationsExclusively } from '#service-kit';

/** Opens the node's own database and brings its schema up to date before anything else starts. */
@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [NODE_CONFIG],
      useFactory: async (config: NodeConfig): Promise<DataSource> => {
        const dataSource = createNodeDataSource({ url: config.databaseUrl, poolSize: config.databasePoolSize });
        await dataSource.initialize();
        const applied = await runMigrationsExclusively(dataSource);
        if (applied.length > 0) {
          new Logger('Database').log(`Applied migrations: ${applied.join(', ')}`);
        }
        return dataSource;
      },
    },
  ],
  exports: [DataSource],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
