import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Proves the boundary check can fail: runs the real dependency-cruiser config against small trees
 * that mimic the repository layout (apps/, libs/) and checks which rules fire.
 */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = join(REPO_ROOT, 'test', 'tooling', 'fixtures');
const DEPCRUISE = join(REPO_ROOT, 'node_modules', '.bin', 'depcruise');
const CONFIG = join(REPO_ROOT, '.dependency-cruiser.cjs');

interface Violation {
  readonly severity: string;
  readonly rule: string;
  readonly from: string;
  readonly to: string;
}

interface CruiseRun {
  /** depcruise exits with the number of error-severity violations. */
  readonly exitCode: number;
  readonly violations: readonly Violation[];
  readonly output: string;
}

/** One line of depcruise's default "err" report: `  error rule-name: from → to`. */
const VIOLATION_LINE = /^\s*(error|warn|info) ([\w-]+): (\S+) → ?(\S*)/;
/** Colour codes, in case the environment forces colour on (FORCE_COLOR). */
const ANSI_COLOUR = /\u001b\[[0-9;]*m/g;

/**
 * Runs depcruise exactly as `npm run check:boundaries` does (same config, same "err" report that sets
 * the exit code), but from inside a fixture tree.
 */
function cruise(fixture: string): Promise<CruiseRun> {
  const cwd = join(FIXTURES, fixture);
  const roots = ['apps', 'libs'].filter((dir) => existsSync(join(cwd, dir)));
  return new Promise((resolve, reject) => {
    execFile(DEPCRUISE, [...roots, '--config', CONFIG], { cwd }, (error, stdout, stderr) => {
      const exitCode = error === null ? 0 : error.code;
      if (typeof exitCode !== 'number') {
        reject(new Error(`depcruise did not run in ${fixture}: ${stderr}`, { cause: error }));
        return;
      }
      const violations = stdout.split('\n').flatMap((line) => {
        const match = VIOLATION_LINE.exec(line.replace(ANSI_COLOUR, ''));
        return match ? [{ severity: match[1] ?? '', rule: match[2] ?? '', from: match[3] ?? '', to: match[4] ?? '' }] : [];
      });
      resolve({ exitCode, violations, output: stdout + stderr });
    });
  });
}

/** "rule: from" lines, sorted, so a failure shows exactly what fired. */
function summarize(violations: readonly Violation[], severity: string): string[] {
  return violations
    .filter((v) => v.severity === severity)
    .map((v) => `${v.rule}: ${v.from}`)
    .sort();
}

describe('boundary check (dependency-cruiser)', () => {
  it('passes a clean tree: apps sharing a lib through an alias, NestJS outside domain/', async () => {
    const run = await cruise('clean');

    expect(run.violations).toEqual([]);
    expect(run.output).toContain('no dependency violations found');
    expect(run.exitCode).toBe(0);
  });

  it('fails when an app imports another app', async () => {
    const run = await cruise('bad-app-import');

    expect(summarize(run.violations, 'error')).toEqual(['no-cross-app-import: apps/a/src/x.ts']);
    expect(run.exitCode).toBe(1);
  });

  it('fails when a lib imports an app, even through a package.json "imports" alias', async () => {
    const run = await cruise('bad-lib-imports-app');

    expect(summarize(run.violations, 'error')).toEqual(['no-lib-imports-app: libs/contracts/src/index.ts']);
    expect(run.violations[0]?.to).toBe('apps/a/src/x.ts');
    expect(run.exitCode).toBe(1);
  });

  it('fails when domain code or libs/arrangement imports a framework, type-only imports included', async () => {
    const run = await cruise('bad-domain-import');

    expect(summarize(run.violations, 'error')).toEqual([
      'domain-is-framework-free: apps/a/src/claims/domain/rule.ts',
      'domain-is-framework-free: libs/arrangement/src/plan.ts',
      'domain-is-framework-free: libs/consent/src/domain/purpose.ts',
    ]);
    expect(run.exitCode).toBe(3);
  });

  it('fails on a cycle inside libs/contracts and only warns about one in an app', async () => {
    const run = await cruise('bad-cycle');

    expect(summarize(run.violations, 'error')).toEqual(['no-circular-in-shared-libs: libs/contracts/src/a.ts']);
    expect(summarize(run.violations, 'warn')).toEqual(['no-circular: apps/a/src/p.ts']);
    expect(run.exitCode).toBe(1);
  });
});
