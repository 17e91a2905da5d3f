/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // Those need Chromium and LibreOffice: npm run test:e2e. The hostile inputs, each a process of its
  // own measured for time and memory, take minutes: npm run test:bounds.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/', '<rootDir>/test/system/', '<rootDir>/test/e2e/bounds.test.ts'],
  // A run of the command line with its .docx takes seconds on a busy two-core machine: 5 s is too tight.
  testTimeout: 30_000,
  // Jest's default (cores − 1) leaves one of two cores idle: with both, npm test's jest takes 90 s here, not 180 s.
  maxWorkers: '100%',
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
