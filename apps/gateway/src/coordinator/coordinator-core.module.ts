import { type DynamicModule, Global, Module } from '@nestjs/common';
import { Clock } from '#service-kit';
import type { CoordinatorConfig } from './config/coordinator-config.js';
import { COORDINATOR_CONFIG } from './config/coordinator-config.token.js';

/** The configuration and the clock, available everywhere. */
@Global()
@Module({})
export class CoordinatorCoreModule {
  static forRoot(config: CoordinatorConfig, clock: Clock): DynamicModule {
    return {
      module: CoordinatorCoreModule,
      providers: [
        { provide: COORDINATOR_CONFIG, useValue: config },
        { provide: Clock, useValue: clock },
      ],
      exports: [COORDINATOR_CONFIG, Clock],
    };
  }
}
