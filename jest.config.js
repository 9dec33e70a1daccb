/** Unit specs sit beside the code; integration specs boot services against real PostgreSQL and Redis. */
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

const shared = {
  moduleFileExtensions: ['ts', 'js', 'json'],
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': 'ts-jest' },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  maxWorkers: 2,
  // a worker is replaced once a test file leaves its heap above this: freeing a large heap at exit
  // takes longer than the 500 ms Jest waits for a worker to end, and Jest then reports it as leaking
  workerIdleMemoryLimit: '300MB',
  testTimeout: 60_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/src/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: [
        '<rootDir>/{apps,libs}/*/test/**/*.integration-spec.ts',
        '<rootDir>/test/**/*.integration-spec.ts',
        '<rootDir>/test/**/*.e2e-spec.ts',
      ],
    },
  ],
};
