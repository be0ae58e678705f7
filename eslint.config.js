// Flat config: typescript-eslint for the connector and local org; LWC rules join when panels land.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const lwc = require('@salesforce/eslint-config-lwc');

const LWC = 'force-app/main/default/lwc/**';
/** Scopes a shareable config array to some files. */
const scoped = (configs, files) => configs.map((config) => ({ ...config, files }));

module.exports = tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'coverage/**',
      'dist/**',
      '.data/**',
      '.sf/**',
      '.sfdx/**',
      'bench/results/**',
      'force-app/main/default/lwc/*/*.js',
      // Generated from the connector's zod schema (npm run protocol); checked by `npm run protocol -- --check`.
      'force-app/main/default/lwc/connectorProtocol/connectorProtocol.ts',
      '**/*.d.ts'
    ]
  },
  {
    files: ['**/*.{js,cjs,mjs,ts}'],
    ignores: [LWC],
    ...js.configs.recommended
  },
  // The panels follow Salesforce's LWC rules (babel parser, TypeScript preset).
  ...scoped(lwc.configs.recommendedTs, [`${LWC}/*.ts`]),
  {
    // Salesforce's TS preset parses with babel, whose scope analysis does not see types: interface members and type
    // names read as undefined globals. typescript-eslint's parser reads them; tsc (npm run typecheck) checks names.
    files: [`${LWC}/*.ts`],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      'no-undef': 'off',
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  ...scoped(lwc.configs.recommended, [`${LWC}/*.js`]),
  {
    files: ['**/*.ts'],
    ignores: [LWC],
    extends: [...tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error'
    }
  },
  {
    files: ['**/*.test.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-console': 'off' }
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    ignores: [LWC],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        jest: 'readonly',
        __dirname: 'readonly'
      }
    }
  },
  {
    // The Aura Omni relay (docs/omni.md): browser code with Aura's global.
    files: ['force-app/main/default/aura/**/*.js'],
    languageOptions: { globals: { $A: 'readonly' } }
  }
);
