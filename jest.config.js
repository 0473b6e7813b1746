/**
 * Three projects, so the quick part runs alone (`npm run test:unit`) and `npm test` still runs everything:
 * - unit: pure parts and single modules with plain values or one local stand-in;
 * - e2e: the real Bolt app on a real HTTP port, the ESB, Slack's Web API and response_url played by local servers;
 * - process: the built bot as separate processes (npm start as an operator runs it; replicas on one Redis).
 * @type {import('jest').Config}
 */
const shared = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  testTimeout: 20000,
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', roots: ['<rootDir>/test'], testMatch: ['**/*.test.ts'], testPathIgnorePatterns: ['/test/e2e/', '/test/process/'] },
    { ...shared, displayName: 'e2e', roots: ['<rootDir>/test/e2e'], testMatch: ['**/*.test.ts'] },
    { ...shared, displayName: 'process', roots: ['<rootDir>/test/process'], testMatch: ['**/*.test.ts'] },
  ],
  reporters: ['default', '<rootDir>/.ci/summary-reporter.js'],
};
