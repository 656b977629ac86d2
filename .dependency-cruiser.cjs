// Layer boundaries, checked by `npm run check:boundaries` (depcruise apps libs) and proven to bite by
// test/tooling/boundaries.e2e-spec.ts. Paths in rules are relative to the directory depcruise runs in.
// This file is CommonJS because dependency-cruiser loads its config with require().
const path = require('node:path');

/** Spec files of every tier. */
const SPEC = '[.](?:spec|int-spec|e2e-spec|test)[.](?:js|mjs|cjs|ts|mts|cts)$';

/**
 * Frameworks and infrastructure that pure domain code must not touch. Matches both an installed
 * package (resolved into some node_modules/) and one that is not installed (left as the bare name).
 */
const FRAMEWORK_PACKAGES = `(?:^|/node_modules/)(?:${[
  '@nestjs/[^/]+',
  '@apollo/[^/]+',
  '@as-integrations/[^/]+',
  'typeorm',
  'pg',
  'bull',
  'bullmq',
  'graphql',
  'express',
].join('|')})(?:/|$)`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cross-app-import',
      severity: 'error',
      comment:
        'An app imports another app. Apps talk over GraphQL/HTTP only; share code through a lib in libs/.',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-lib-imports-app',
      severity: 'error',
      comment: 'A lib imports an app. Libs sit below the apps; move the shared code into the lib.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'domain-is-framework-free',
      severity: 'error',
      comment:
        'Pure domain code (libs/arrangement, any domain/ folder, its specs included) imports a framework ' +
        '(NestJS, TypeORM, pg, bull, GraphQL, Apollo, Express). Keep rules pure; put adapters next to the ' +
        'domain folder and pass data in.',
      from: { path: ['^libs/arrangement/', '^(?:apps|libs)/.*/domain/', '^libs/domain/'] },
      to: { path: FRAMEWORK_PACKAGES },
    },
    {
      name: 'no-circular-in-shared-libs',
      severity: 'error',
      comment:
        'A cycle inside libs/contracts or libs/consent. These libs are imported everywhere, so a cycle ' +
        'there turns into load-order bugs in every app. Split the module or invert the dependency.',
      from: { path: '^libs/(?:contracts|consent)/' },
      to: { circular: true },
    },
    {
      name: 'no-circular',
      severity: 'warn',
      comment: 'A circular dependency. Consider splitting the module or inverting the dependency.',
      from: { pathNot: '^libs/(?:contracts|consent)/' },
      to: { circular: true },
    },
    {
      name: 'not-to-dev-dep',
      severity: 'error',
      comment:
        'Server code imports a package that is only in devDependencies, so it is missing in production ' +
        '(npm ci --omit=dev). Move the package to dependencies, or keep the import in test code.',
      from: { path: '^(?:apps|libs)/', pathNot: [SPEC, '(?:^|/)test/'] },
      to: {
        dependencyTypes: ['npm-dev'],
        // Type-only imports are erased at compile time, so @types/* and `import type` are fine.
        dependencyTypesNot: ['type-only'],
        pathNot: ['node_modules/@types/'],
      },
    },
    {
      name: 'no-non-package-json',
      severity: 'error',
      comment: 'An import of an npm package that package.json does not declare. Add it to dependencies.',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve to a file: a typo, a missing package, or a wrong alias.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'not-to-spec',
      severity: 'error',
      comment: 'Code imports a spec file. Move what is shared into a helper next to it.',
      from: {},
      to: { path: SPEC },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    // Count type-only imports too: a domain file that only imports a NestJS type still depends on it.
    tsPreCompilationDeps: true,
    // Absolute, so the boundary test can run this config from a fixture directory.
    tsConfig: { fileName: path.join(__dirname, 'tsconfig.json') },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      // "types" makes the package.json "imports" aliases (#contracts, #consent) resolve to the lib
      // sources in libs/ (their first condition) instead of to dist/ through "default"; otherwise an
      // import through an alias would escape every path-based rule.
      conditionNames: ['types', 'import', 'default'],
      extensions: ['.ts', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['types', 'typings', 'module', 'main'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
