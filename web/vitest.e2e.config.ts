import { defineConfig } from 'vitest/config'

// End-to-end: real Chromium against the real jar (see e2e/store.ts). Run by `npm run e2e`,
// which Maven calls once the service's jar is built.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 150_000,
  },
})
