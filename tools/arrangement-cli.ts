/**
 * `npm run -s arrangement -- bvv|plan` (RULES.md §4): one JSON object on standard input, one JSON
 * object on standard output, exit 0. Invalid input: exit 2 and `{ "error": { code, message, path } }`.
 */
import { pathToFileURL } from 'node:url';
import { computeBvv, computePlan, FloorBelowBvvError, PlanTooLongError, validateBvvInput, validatePlanInput, type InputError } from '#arrangement';

const USAGE = 'Usage: npm run -s arrangement -- bvv|plan < input.json';

export type CliOutcome = { readonly exitCode: 0 | 2; readonly output: unknown };

const failure = (error: InputError): CliOutcome => ({ exitCode: 2, output: { error } });

/** The command without its I/O, so tests can run it in-process as well as as a process. */
export function runArrangementCommand(command: string | undefined, stdin: string): CliOutcome {
  if (command !== 'bvv' && command !== 'plan') {
    return failure({ code: 'UNKNOWN_VALUE', path: '', message: `unknown command ${JSON.stringify(command ?? '')}. ${USAGE}` });
  }
  let json: unknown;
  try {
    json = JSON.parse(stdin);
  } catch (error) {
    return failure({ code: 'INVALID_JSON', path: '', message: `standard input is not one JSON object: ${error instanceof Error ? error.message : String(error)}` });
  }
  if (command === 'bvv') {
    const input = validateBvvInput(json);
    if (!input.ok) return failure(input.error);
    try {
      return { exitCode: 0, output: computeBvv(input.value) };
    } catch (error) {
      if (error instanceof FloorBelowBvvError) return failure({ code: 'FLOOR_BELOW_BVV', path: 'counsellorFloorCents', message: error.message });
      throw error;
    }
  }
  const input = validatePlanInput(json);
  if (!input.ok) return failure(input.error);
  try {
    return { exitCode: 0, output: computePlan(input.value) };
  } catch (error) {
    if (error instanceof PlanTooLongError) return failure({ code: 'PLAN_TOO_LONG', path: 'capacityCents', message: error.message });
    throw error;
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<void> {
  const outcome = runArrangementCommand(process.argv[2], await readStdin());
  process.stdout.write(`${JSON.stringify(outcome.output)}\n`);
  process.exitCode = outcome.exitCode;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    process.stderr.write(`arrangement: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
