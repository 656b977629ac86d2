// Jest runs in ESM mode: NestJS 12, jose 6 and openid-client 6 are ESM-only (see docs/adr/0001).
const libs = ['contracts', 'consent', 'service-kit', 'arrangement'];
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    ...Object.fromEntries(libs.map((l) => [`^#${l}$`, `<rootDir>/libs/${l}/src/index.ts`])),
    // The pure Merkle-tree core of libs/consent, without the rest of it (which loads pg and jose).
    '^#ledger-core$': '<rootDir>/libs/consent/src/ledger/index.ts',
    '^#money$': '<rootDir>/libs/contracts/src/money.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.{spec,int-spec,e2e-spec}.ts'],
  reporters: ['default', '<rootDir>/tools/jest-summary-reporter.cjs'],
  testTimeout: 30000,
};
