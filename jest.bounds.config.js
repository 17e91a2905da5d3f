/**
 * @type {import('jest').Config} npm run test:bounds: every hostile input in a process of its own,
 * bounded in time and memory (test/e2e/bounds.test.ts). Minutes long, so apart from npm test;
 * .ci/run runs it.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/bounds.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
