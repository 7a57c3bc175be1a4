// Lint: zero warnings, the one-way layering of DESIGN.md as import zones, and customer text
// never becoming HTML. Run as `eslint --config build/eslint.config.js .` (npm run lint).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noHtmlSinks = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Customer text only becomes text nodes.' },
  { selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]', message: 'Customer text only becomes text nodes.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Customer text only becomes text nodes.' },
  { selector: "CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]", message: 'No document.write.' },
];

const zone = (files, patterns, paths = []) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns, paths }] },
});
const up = (dir) => ({ group: [`**/${dir}`, `**/${dir}/**`], message: `This layer may not import ${dir}/ (DESIGN.md: imports go one way).` });
const pkg = (name, why) => ({ name, message: why });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tsbuild/**', 'release/**', 'test/e2e/artifacts/**', 'test/bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      'no-restricted-syntax': ['error', ...noHtmlSinks],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // db/ imports nothing of ours, and is the only place better-sqlite3 may be used.
  zone(['db/**/*.ts'], [up('main'), up('preload'), up('renderer')], [pkg('electron', 'db/ runs under plain Node.')]),
  // main/ (but its electron/ shell) runs under plain Node: no electron, no better-sqlite3 outside db/.
  zone(
    ['main/**/*.ts'],
    [up('renderer')],
    [pkg('better-sqlite3', 'Only db/ talks to SQLite.'), pkg('electron', 'Only main/electron/ imports electron.')],
  ),
  zone(['main/electron/**/*.ts'], [up('renderer')], [pkg('better-sqlite3', 'Only db/ talks to SQLite.')]),
  // The contract and the shared helpers are pure: both the renderer and main import them.
  zone(
    ['preload/*.ts', 'preload/shared/**/*.ts'],
    [up('main'), up('db'), up('renderer'), { group: ['node:*'], message: 'preload/contract and shared run in the renderer too.' }],
    [pkg('electron', 'Only the Electron bridge imports electron.'), pkg('better-sqlite3', 'Only db/ talks to SQLite.')],
  ),
  zone(['preload/bridges/web.ts'], [up('main'), up('db'), up('renderer')], [pkg('electron', 'The web bridge runs in a plain browser.')]),
  zone(['preload/bridges/electron.ts'], [up('main'), up('db'), up('renderer')], [pkg('better-sqlite3', 'Only db/ talks to SQLite.')]),
  // The renderer talks to window.care only: contract types, and the pure shared helpers.
  zone(
    ['renderer/**/*.{ts,tsx}'],
    [
      up('main'),
      up('db'),
      { group: ['**/preload/contract'], allowTypeImports: true, message: 'The renderer imports only types from the contract.' },
      { group: ['**/preload/bridges', '**/preload/bridges/**'], message: 'The renderer never imports a bridge: it uses window.care.' },
      { group: ['node:*'], message: 'The renderer runs in a sandboxed page.' },
    ],
    [pkg('electron', 'The renderer uses window.care.'), pkg('better-sqlite3', 'Only db/ talks to SQLite.')],
  ),
);
