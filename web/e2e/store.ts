import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// The real store for end-to-end tests: the packaged jar with its embedded PostgreSQL, on a free
// port and a fresh data directory.

export const ADMIN_TOKEN = 'e2e-admin-token'

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

export interface RunningStore {
  url: string
  stop: () => Promise<void>
}

export async function startStore(): Promise<RunningStore> {
  const jar = process.env.CARTWRIGHT_JAR ?? join(import.meta.dirname, '../../server/target/cartwright.jar')
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin/java') : 'java'
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'cartwright-e2e-'))
  const store: ChildProcess = spawn(
    java,
    ['-jar', jar, `--server.port=${port}`, `--cartwright.database.data-dir=${dataDir}`, `--cartwright.admin.token=${ADMIN_TOKEN}`,
      // Refunds wait for the operator, so that the console's test can send one itself.
      '--cartwright.payment.refund-hold=PT1H'],
    { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DATABASE_URL: '' } },
  )
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 120_000
  for (;;) {
    if (store.exitCode !== null) throw new Error(`The store exited with ${store.exitCode}`)
    try {
      if ((await fetch(`${url}/actuator/health`)).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('The store did not start within two minutes')
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        store.once('exit', () => resolve())
        store.kill('SIGTERM')
      }),
  }
}
