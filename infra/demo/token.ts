/**
 * `npm run -s demo:token -- …`: a fresh development token to paste, from the keys `npm run demo` made.
 *
 *   consent <creditor-id> <resident-id>   consent token for that node and resident (5 minutes)
 *   staff <creditor-id>                   back-office access token for that creditor's staff (1 hour)
 *   pseudonym <creditor-id> <resident-id> the id that node knows the resident by
 */
import { DemoKeysMissingError, readDemoKeys } from './demo-keys.js';
import { DEMO_NODES, DEMO_RESIDENTS, findDemoNode } from './demo-nodes.js';
import { demoPaths } from './demo-paths.js';
import { CONSENT_TOKEN_SECONDS, STAFF_TOKEN_SECONDS, demoPseudonym, mintConsentToken, mintStaffToken } from './demo-tokens.js';

const USAGE = `Usage:
  npm run -s demo:token -- consent <creditor-id> <resident-id>    consent token (5 min, debt-overview, claims)
  npm run -s demo:token -- staff <creditor-id>                    staff token for the back-office (1 h)
  npm run -s demo:token -- pseudonym <creditor-id> <resident-id>  the resident's pseudonym at that node
Creditors: ${DEMO_NODES.map((n) => n.creditorId).join(', ')}
Residents: ${DEMO_RESIDENTS.map((r) => r.residentId).join(', ')}`;

class UsageError extends Error {}

async function main(args: readonly string[]): Promise<string> {
  const [command, creditorId, residentId, ...rest] = args;
  if (creditorId === undefined || findDemoNode(creditorId) === undefined || rest.length > 0) throw new UsageError();
  const keys = await readDemoKeys(demoPaths().keysFile);
  switch (command) {
    case 'staff':
      if (residentId !== undefined) throw new UsageError();
      return mintStaffToken(keys, { creditorId, subject: 'demo-staff', lifetimeSeconds: STAFF_TOKEN_SECONDS });
    case 'consent':
      if (residentId === undefined) throw new UsageError();
      return mintConsentToken(keys, { creditorId, residentId, lifetimeSeconds: CONSENT_TOKEN_SECONDS });
    case 'pseudonym':
      if (residentId === undefined) throw new UsageError();
      return demoPseudonym(keys, { creditorId, residentId });
    case undefined:
    default:
      throw new UsageError();
  }
}

main(process.argv.slice(2)).then(
  (output) => process.stdout.write(`${output}\n`),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${USAGE}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`${error instanceof DemoKeysMissingError ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
