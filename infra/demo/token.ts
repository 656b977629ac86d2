/**
 * `npm run -s demo:token -- …`: a fresh token to paste, from the running `npm run demo`.
 *
 *   consent <creditor-id> <resident-id>   the consent token the running coordinator mints for that node
 *   staff <creditor-id>                   back-office access token for that creditor's staff (1 hour)
 *   resident <resident-id>                the resident's access token for the coordinator and the gateway (1 hour)
 *   counsellor                            the demo counsellor's access token (1 hour)
 *   admin | auditor                       a platform administrator's or auditor's access token (1 hour)
 *   pseudonym <creditor-id> <resident-id> the id that node knows the resident by
 *
 * Access tokens come from logging the test account in at the running identity provider, with the
 * development password, as a browser would: the demo signs none itself. `consent` and `pseudonym`
 * then ask the running coordinator (as the resident): only it knows the resident's consents, and
 * their platform id, which pseudonyms derive from.
 */
import { LoginRefusedError } from '../idp/login-with-password.js';
import { CoordinatorRefusalError, CoordinatorUnreachableError } from './coordinator-client.js';
import { consentTokenFor, NoConsentError, signInResident } from './coordinator-sessions.js';
import { DemoKeysMissingError, readDemoKeys } from './demo-keys.js';
import { DEMO_ADMIN_SUBJECT, DEMO_AUDITOR_SUBJECT, DEMO_COUNSELLOR, DEMO_NODES, DEMO_RESIDENTS, findDemoNode, findDemoResident } from './demo-nodes.js';
import { demoPaths } from './demo-paths.js';
import { IdentityProviderUnreachableError, demoPseudonym, logInAsStaff, logInToCoordinator } from './demo-tokens.js';

const USAGE = `Usage:
  npm run -s demo:token -- consent <creditor-id> <resident-id>    consent token from the running coordinator (debt overview, claims)
  npm run -s demo:token -- staff <creditor-id>                    staff token for that creditor's back-office (1 h)
  npm run -s demo:token -- resident <resident-id>                 the resident's access token for the gateway and the coordinator (1 h)
  npm run -s demo:token -- counsellor                             the demo counsellor's access token (1 h)
  npm run -s demo:token -- admin                                  a platform administrator's access token (1 h)
  npm run -s demo:token -- auditor                                an auditor's access token, e.g. for \`npm run -s ledger -- verify\` (1 h)
  npm run -s demo:token -- pseudonym <creditor-id> <resident-id>  the resident's pseudonym at that node
Access tokens come from logging in at the demo's identity provider, so \`npm run demo\` must be running.
Creditors: ${DEMO_NODES.map((n) => n.creditorId).join(', ')}
Residents: ${DEMO_RESIDENTS.map((r) => r.residentId).join(', ')}`;

class UsageError extends Error {}

async function main(args: readonly string[]): Promise<string> {
  const [command, ...rest] = args;
  switch (command) {
    case 'staff': {
      const [creditorId] = expect(rest, ['creditor']);
      return logInAsStaff(creditorId);
    }
    case 'resident': {
      const [residentId] = expect(rest, ['resident']);
      return logInToCoordinator(residentId);
    }
    case 'counsellor':
    case 'admin':
    case 'auditor': {
      expect(rest, []);
      return logInToCoordinator({ counsellor: DEMO_COUNSELLOR.subject, admin: DEMO_ADMIN_SUBJECT, auditor: DEMO_AUDITOR_SUBJECT }[command]);
    }
    case 'consent': {
      const [creditorId, residentId] = expect(rest, ['creditor', 'resident']);
      const session = await signInResident(residentId);
      return (await consentTokenFor(session, { residentId, creditorId })).token;
    }
    case 'pseudonym': {
      const [creditorId, residentId] = expect(rest, ['creditor', 'resident']);
      const keys = await readDemoKeys(demoPaths().keysFile);
      const session = await signInResident(residentId);
      return demoPseudonym(keys, { platformId: session.platformId, creditorId });
    }
    case undefined:
    default:
      throw new UsageError();
  }
}

type IdKind = 'creditor' | 'resident';

/** The arguments a command takes, each a known demo creditor or resident id; anything else is a usage error. */
function expect<const K extends readonly IdKind[]>(args: readonly string[], kinds: K): { [I in keyof K]: string } {
  if (args.length !== kinds.length) throw new UsageError();
  const ids = kinds.map((kind, i) => {
    const id = args[i] ?? '';
    const known = kind === 'creditor' ? findDemoNode(id) !== undefined : findDemoResident(id) !== undefined;
    if (!known) throw new UsageError(`Unknown ${kind} id "${id}".`);
    return id;
  });
  // One id per kind, in order: the tuple type only says so.
  return ids as { [I in keyof K]: string };
}

const EXPECTED_FAILURES = [
  DemoKeysMissingError,
  IdentityProviderUnreachableError,
  LoginRefusedError,
  CoordinatorUnreachableError,
  CoordinatorRefusalError,
  NoConsentError,
];

main(process.argv.slice(2)).then(
  (output) => process.stdout.write(`${output}\n`),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message === '' ? '' : `${error.message}\n`}${USAGE}\n`);
      process.exitCode = 2;
    } else {
      const expected = EXPECTED_FAILURES.some((kind) => error instanceof kind);
      process.stderr.write(`${expected && error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
