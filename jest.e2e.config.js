/**
 * @type {import('jest').Config} npm run test:e2e: the task pane and the page in headless Chromium
 * (test/browser), the result copies and the Word document in LibreOffice (test/system). These need
 * programs of the system; npm test needs none.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser', '<rootDir>/test/system'],
  testMatch: ['**/*.e2e.ts'],
  testTimeout: 120000,
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
