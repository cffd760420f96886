// Two tiers: unit specs beside the code, e2e/scenario specs under test/ against real
// PostgreSQL, Redis and the Discord sandbox. `npm test` runs both.
const moduleNameMapper = {
  '^@botdeck/discord-sandbox$': '<rootDir>/apps/discord-sandbox/src',
  '^@botdeck/(.*)$': '<rootDir>/libs/$1/src',
};
const transform = {
  '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
};
// Node 20 loads these ESM-only packages through require(esm); Jest cannot, so it compiles them.
const transformIgnorePatterns = ['/node_modules/(?!(content-disposition|@apidevtools)/)'];

module.exports = {
  // Jest reads testTimeout from the global config only; inside a project it is ignored.
  // Unit tests never come near it; e2e tests that start processes need the room.
  testTimeout: 60000,
  // Each e2e file builds whole apps; what a file leaks (modules held by native monitors,
  // sockets closed late) would pile up in one process over the run and slow every later
  // file. A limit makes Jest run files in a worker that is replaced once it grows past it.
  workerIdleMemoryLimit: '1GB',
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/dashboard/'],
      moduleFileExtensions: ['ts', 'js', 'json'],
      moduleNameMapper,
      transform,
      transformIgnorePatterns,
    },
    {
      // The dashboard's logic and components, in a DOM (Preact through its CommonJS build).
      displayName: 'dashboard',
      rootDir: __dirname,
      testEnvironment: 'jsdom',
      testEnvironmentOptions: { customExportConditions: ['require', 'default'] },
      testMatch: ['<rootDir>/apps/dashboard/**/*.spec.{ts,tsx}'],
      moduleFileExtensions: ['tsx', 'ts', 'js', 'json'],
      moduleNameMapper,
      transform: {
        '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/apps/dashboard/tsconfig.spec.json' }],
      },
    },
    {
      displayName: 'e2e',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      moduleFileExtensions: ['ts', 'js', 'json'],
      moduleNameMapper,
      transform,
      transformIgnorePatterns,
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
      setupFiles: ['<rootDir>/test/setup/env.ts'],
    },
  ],
};
