import { type DynamicModule, Global, Module } from '@nestjs/common';
import { Clock } from '#service-kit';
import type { NodeConfig } from './config/node-config.js';
import { NODE_CONFIG } from './config/node-config.token.js';
import { COORDINATOR_KEYS, coordinatorKeys } from './consent/coordinator-keys.js';

/**
 * The node's configuration, clock and the coordinator's key set, available everywhere. Deliberately imports nothing: GraphQL's
 * `include` follows imports of global modules, and the federated endpoint must never pick up the
 * back-office resolvers.
 */
@Global()
@Module({})
export class NodeCoreModule {
  static forRoot(config: NodeConfig, clock: Clock): DynamicModule {
    return {
      module: NodeCoreModule,
      providers: [
        { provide: NODE_CONFIG, useValue: config },
        { provide: Clock, useValue: clock },
        { provide: COORDINATOR_KEYS, useValue: coordinatorKeys(config) },
      ],
      exports: [NODE_CONFIG, Clock, COORDINATOR_KEYS],
    };
  }
}
