/**
 * `npm run -s supergraph` writes apps/gateway/supergraph.graphql, composed from the coordinator's and
 * the creditor subgraph's SDL. `--check` (part of `npm test`, so CI) fails when the SDLs do not compose,
 * when the committed file is not what they compose to, or when the new API breaks clients of the
 * committed one; `--allow-breaking` writes a breaking change on purpose (say why in the commit).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { breakingChanges, composeSupergraph, CompositionFailedError } from './compose-supergraph.js';

const SUPERGRAPH_FILE = fileURLToPath(new URL('../../../apps/gateway/supergraph.graphql', import.meta.url));

async function committed(): Promise<string | undefined> {
  try {
    return await readFile(SUPERGRAPH_FILE, 'utf8');
  } catch {
    return undefined;
  }
}

async function main(args: readonly string[]): Promise<number> {
  const check = args.includes('--check');
  const allowBreaking = args.includes('--allow-breaking');
  let composed: string;
  try {
    composed = `${composeSupergraph().trim()}\n`;
  } catch (error) {
    if (error instanceof CompositionFailedError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const previous = await committed();
  const breaking = previous === undefined ? [] : breakingChanges(previous, composed);
  if (breaking.length > 0 && !allowBreaking) {
    process.stderr.write(
      `The supergraph change breaks clients of the committed one:\n${breaking.map((b) => `  ${b.type}: ${b.description}`).join('\n')}\n` +
        'Make the change additive, or run `npm run -s supergraph -- --allow-breaking` and say why in the commit.\n',
    );
    return 1;
  }
  if (check) {
    if (previous !== composed) {
      process.stderr.write('apps/gateway/supergraph.graphql is not what the subgraph SDLs compose to: run `npm run -s supergraph` and commit it.\n');
      return 1;
    }
    process.stdout.write('supergraph: composes, committed file is current, no breaking change\n');
    return 0;
  }
  await writeFile(SUPERGRAPH_FILE, composed);
  process.stdout.write(`supergraph: wrote ${SUPERGRAPH_FILE}${previous === composed ? ' (unchanged)' : ''}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`supergraph: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
