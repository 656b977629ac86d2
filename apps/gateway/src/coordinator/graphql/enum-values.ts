import { ConsentPurpose, DataCategory, PlatformRole } from '#contracts';
import { ConsentState } from '#consent';

/**
 * GraphQL enum names (upper case) mapped to the values the domain uses, so resolvers and services see
 * only domain values and the API shows only GraphQL names.
 */
export const COORDINATOR_ENUMS = {
  ConsentPurpose: { DEBT_OVERVIEW: ConsentPurpose.DEBT_OVERVIEW, COLLECTIVE_ARRANGEMENT: ConsentPurpose.COLLECTIVE_ARRANGEMENT },
  DataCategory: { CLAIMS: DataCategory.CLAIMS, ARRANGEMENT: DataCategory.ARRANGEMENT },
  ConsentState: { GIVEN: ConsentState.GIVEN, WITHDRAWN: ConsentState.WITHDRAWN, EXPIRED: ConsentState.EXPIRED },
  ActorRole: { RESIDENT: 'resident', COUNSELLOR: 'counsellor', COORDINATOR: 'coordinator' },
  Household: { SINGLE: 'single', SINGLE_PARENT: 'single_parent', COUPLE: 'couple', COUPLE_WITH_CHILDREN: 'couple_with_children' },
  AgeBand: { AGE_18_20: '18-20', AGE_21_TO_AOW: '21-aow', AOW_AGE: 'aow' },
  PlanMode: { REPAYMENT: 'repayment', SETTLEMENT: 'settlement' },
  Locale: { NL: 'nl', EN: 'en' },
  ProposalStatus: { OPEN: 'open', STARTED: 'started', REPLACED: 'replaced', WITHDRAWN: 'withdrawn', AMENDED: 'amended', COMPLETED: 'completed' },
  InstalmentStatus: { PAID: 'paid', PARTLY_PAID: 'partly_paid', MISSED: 'missed', DUE: 'due', UPCOMING: 'upcoming' },
  PaymentSource: { PROVIDER: 'provider', NODE: 'node', CARRIED_OVER: 'carried_over' },
  ProposalOutcome: { WAITING: 'waiting', ALL_ACCEPTED: 'all_accepted', NEEDS_DECISION: 'needs_decision' },
  DeliveryStatus: { PENDING: 'pending', DELIVERED: 'delivered', FAILED: 'failed' },
  CreditorDecision: { ACCEPT: 'accept', REJECT: 'reject', COUNTER: 'counter', NO_ANSWER: 'no_answer' },
  Role: {
    RESIDENT: PlatformRole.RESIDENT,
    COUNSELLOR: PlatformRole.COUNSELLOR,
    ADMIN: PlatformRole.ADMIN,
    AUDITOR: PlatformRole.AUDITOR,
  },
} as const;
