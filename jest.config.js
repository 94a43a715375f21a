/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }],
  },
  moduleNameMapper: {
    '\\.(css|png|svg)$': '<rootDir>/test/stubs/asset.js',
  },
  setupFiles: ['<rootDir>/test/setup/textEncoding.js'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
  reporters: ['default', '<rootDir>/test/reporters/plain-summary.js'],
};
