// One jest run for everything: the LWC panels (sfdx-lwc-jest, jsdom) and the connector (node).
const { existsSync } = require('node:fs');
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

const existing = (...dirs) => dirs.filter((dir) => existsSync(dir.replace('<rootDir>', __dirname)));

module.exports = {
  projects: [
    {
      ...jestConfig,
      displayName: 'lwc',
      roots: ['<rootDir>/force-app'],
      moduleNameMapper: {
        '^lightning/platformUtilityBarApi$': '<rootDir>/jest-mocks/lightning/platformUtilityBarApi',
        // The frames recorded from the running connector (`npm run fixtures`), for the components' tests.
        '^fixtures/(.*)$': '<rootDir>/fixtures/$1'
      },
      setupFilesAfterEnv: [
        ...jestConfig.setupFilesAfterEnv,
        '<rootDir>/jest-sa11y-setup.js',
        '<rootDir>/jest-labels-setup.js'
      ],
      testPathIgnorePatterns: ['/node_modules/', '/.localdevserver/']
    },
    {
      displayName: 'connector',
      testEnvironment: 'node',
      roots: existing('<rootDir>/connector', '<rootDir>/localorg', '<rootDir>/scripts'),
      testMatch: ['**/*.test.ts'],
      // PGlite's CommonJS build starts its WASM with a dynamic import(), which jest refuses unless babel rewrites it.
      transform: {
        '^.+\\.ts$': ['babel-jest', { configFile: './babel.config.cjs' }],
        '/node_modules/@electric-sql/pglite/.+\\.c?js$': ['babel-jest', { configFile: './babel.config.cjs' }]
      },
      transformIgnorePatterns: ['/node_modules/(?!@electric-sql/pglite/)'],
      // The panels' own modules, for tests that run them against the real connector.
      moduleNameMapper: { '^c/(.*)$': '<rootDir>/force-app/main/default/lwc/$1/$1.ts' },
      moduleFileExtensions: ['ts', 'js', 'json', 'cjs', 'mjs']
    }
  ]
};
