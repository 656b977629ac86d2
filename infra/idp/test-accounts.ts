import { PlatformRole } from '#contracts';
import { DEMO_ADMIN_SUBJECT, DEMO_AUDITOR_SUBJECT, DEMO_COUNSELLOR, DEMO_NODES, DEMO_RESIDENTS } from '../demo/demo-nodes.js';
import type { IdpAccount } from './idp-account.js';

/**
 * DEVELOPMENT ONLY: the one password of every test account. It is published in the README on
 * purpose; a provider holding these accounts must never face the internet.
 */
export const DEVELOPMENT_PASSWORD = 'demo';

/**
 * The test accounts of the development identity provider: the demo's residents and counsellor
 * (same subjects as infra/demo, so the demo can switch to this provider), one staff member per demo
 * creditor, an administrator and an auditor. All share DEVELOPMENT_PASSWORD.
 */
export function testAccounts(password: string = DEVELOPMENT_PASSWORD): IdpAccount[] {
  const residents = DEMO_RESIDENTS.map(
    (resident): IdpAccount => ({
      accountId: resident.residentId,
      displayName: resident.displayName,
      password,
      platformRoles: [PlatformRole.RESIDENT],
    }),
  );
  // Only the counsellor role, as the demo signs her in today.
  const counsellor: IdpAccount = {
    accountId: DEMO_COUNSELLOR.subject,
    displayName: DEMO_COUNSELLOR.displayName,
    password,
    platformRoles: [PlatformRole.COUNSELLOR],
  };
  const staff = DEMO_NODES.map(
    (node): IdpAccount => ({
      accountId: staffAccountId(node.creditorId),
      displayName: `Medewerker ${node.name}`,
      password,
      platformRoles: [],
      staffOf: node.creditorId,
    }),
  );
  return [
    ...residents,
    counsellor,
    ...staff,
    { accountId: DEMO_ADMIN_SUBJECT, displayName: 'Beheerder Samen Regelen', password, platformRoles: [PlatformRole.ADMIN] },
    { accountId: DEMO_AUDITOR_SUBJECT, displayName: 'Auditor Samen Regelen', password, platformRoles: [PlatformRole.AUDITOR] },
  ];
}

/** The test account of a creditor's staff member: `staff-gemeente-utrecht`. */
export function staffAccountId(creditorId: string): string {
  return `staff-${creditorId}`;
}
