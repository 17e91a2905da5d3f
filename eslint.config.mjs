// office-addin-lint uses this file (it looks for eslint.config.mjs in the project) instead of its default.
import officeAddins from 'eslint-plugin-office-addins';
import tsParser from '@typescript-eslint/parser';

// The plugin's recommended rules (Office.js load/sync rules, no-eval, prettier), applied to .tsx too.
const recommended = officeAddins.configs.recommended.map((c) => (c.files ? { ...c, files: ['**/*.{js,mjs,cjs,ts,tsx}'] } : c));

export default [
  { ignores: ['dist/**', 'dist-web/**', 'node_modules/**', 'coverage/**'] },
  ...recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: {
      // TypeScript already checks every name; the browser and Office globals are typed.
      'no-undef': 'off',
      // A const and a type of the same name (Decimal) is a TypeScript idiom.
      'no-redeclare': 'off',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
    },
  },
];
