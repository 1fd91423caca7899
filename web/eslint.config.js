import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

// Imports flow one way: lib (shared) → features → app. A feature may use the cart, the core
// every page builds on, but not another feature, and nothing reaches up into app.
const layer = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } })

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'target'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  layer(['src/lib/**'], [{ group: ['**/features/**', '**/app/**'], message: 'lib is shared: it may not use features or app.' }]),
  layer(['src/features/**'], [{ group: ['**/app/**'], message: 'A feature may not use app; app composes features.' }]),
  layer(['src/features/cart/**'], [
    { group: ['**/app/**'], message: 'A feature may not use app; app composes features.' },
    { group: ['**/features/account/**', '**/features/catalog/**', '**/features/checkout/**', '**/features/offline/**', '**/features/ops/**', '../account/**', '../catalog/**', '../checkout/**', '../offline/**', '../ops/**'], message: 'The cart is the core; it uses no other feature.' },
  ]),
  layer(['src/features/account/**', 'src/features/catalog/**', 'src/features/checkout/**', 'src/features/offline/**', 'src/features/ops/**'], [
    { group: ['../account/**', '../catalog/**', '../checkout/**', '../offline/**', '../ops/**'], message: 'Features do not use each other, only the cart.' },
    { group: ['**/app/**'], message: 'A feature may not use app; app composes features.' },
  ]),
)
