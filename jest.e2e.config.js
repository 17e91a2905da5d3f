/** @type {import('jest').Config} npm run test:e2e: the task pane in headless Chromium, the result copies in LibreOffice. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser', '<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  testTimeout: 120000,
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
