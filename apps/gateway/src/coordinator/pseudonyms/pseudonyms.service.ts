import { Inject, Injectable } from '@nestjs/common';
import { derivePairwisePseudonym } from '#consent';
import type { CoordinatorConfig } from '../config/coordinator-config.js';
import { COORDINATOR_CONFIG } from '../config/coordinator-config.token.js';

// Not a valid creditor id (it has a '#'), so the ledger's pseudonyms can never equal a node's.
const LEDGER_SCOPE = '#ledger';

/** The only place that turns a platform id into a pseudonym; the secret never leaves this service. */
@Injectable()
export class Pseudonyms {
  constructor(@Inject(COORDINATOR_CONFIG) private readonly config: CoordinatorConfig) {}

  /** How the ledger names a person: stable across their events, useless to anyone without the secret. */
  inLedger(personId: string): string {
    return derivePairwisePseudonym({ secret: this.config.pseudonymSecret, residentId: personId, creditorId: LEDGER_SCOPE });
  }

  /** How one node knows a resident: different per node, so no two nodes can link their residents. */
  forNode(personId: string, creditorId: string): string {
    return derivePairwisePseudonym({ secret: this.config.pseudonymSecret, residentId: personId, creditorId });
  }
}
