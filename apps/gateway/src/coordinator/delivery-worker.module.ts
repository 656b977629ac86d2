import { type DynamicModule, Module } from '@nestjs/common';
import { LedgerReader } from '#consent';
import { Clock, SystemClock } from '#service-kit';
import type { CoordinatorConfig } from './config/coordinator-config.js';
import { CoordinatorCoreModule } from './coordinator-core.module.js';
import { CoordinatorDatabaseModule } from './database/database.module.js';
import { ledgerStoreProvider } from './ledger/ledger-store.providers.js';
import { CoordinatorGauges } from './metrics/coordinator-gauges.js';
import { DELIVERY_PG_POOL, DELIVERY_QUEUE, createDeliveryPool, createDeliveryQueue } from './proposals/delivery-queue.js';
import { PlanDeliveryWorker, RUN_DELIVERY_WORKER } from './proposals/plan-delivery.worker.js';
import { Pseudonyms } from './pseudonyms/pseudonyms.service.js';
import { WorkerHealthController } from './worker-health.controller.js';

/**
 * The delivery worker on its own (`npm run worker`): takes jobs off the queue and delivers them to the
 * nodes. No API: the coordinator's replicas (DELIVERY_WORKER=false) take the requests and write the
 * jobs into the outbox; workers scale apart from them, as many as the queue needs. HTTP serves only
 * health and metrics. Same configuration as the coordinator: it signs the proposal tokens.
 */
@Module({})
export class DeliveryWorkerModule {
  static forRoot(config: CoordinatorConfig, clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: DeliveryWorkerModule,
      imports: [CoordinatorCoreModule.forRoot(config, clock), CoordinatorDatabaseModule],
      controllers: [WorkerHealthController],
      providers: [
        ledgerStoreProvider(LedgerReader),
        Pseudonyms,
        { provide: DELIVERY_QUEUE, useFactory: () => createDeliveryQueue(config) },
        { provide: DELIVERY_PG_POOL, useFactory: () => createDeliveryPool(config) },
        { provide: RUN_DELIVERY_WORKER, useValue: true },
        PlanDeliveryWorker,
        CoordinatorGauges,
      ],
    };
  }
}
