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
  Role: {
    RESIDENT: PlatformRole.RESIDENT,
    COUNSELLOR: PlatformRole.COUNSELLOR,
    ADMIN: PlatformRole.ADMIN,
    AUDITOR: PlatformRole.AUDITOR,
  },
} as const;
