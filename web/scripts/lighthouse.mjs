#!/usr/bin/env node
// Runs Lighthouse (performance only, mobile, its default simulated 4G) against a page a number of
// times and prints the median of each metric, one line each; every run's JSON and HTML report go
// to the output directory, with the medians in median.json. Lighthouse comes through npx, so it is
// no dependency of the web app.
//
//   node web/scripts/lighthouse.mjs http://localhost:8093/ [--runs 3] [--out target/lighthouse]
//        [--desktop] [--lighthouse 12.8.2]
//
// Chromium is CHROME_PATH, else the first of the usual places that exists.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

// 12.x is the newest line that still runs on Node 20, the oldest Node the project supports.
const LIGHTHOUSE = '12.8.2'
const CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking '
  + '--disable-component-update --disable-sync --no-first-run --no-default-browser-check'
const CHROMES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome']

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '3' },
    out: { type: 'string', default: 'target/lighthouse' },
    desktop: { type: 'boolean', default: false },
    lighthouse: { type: 'string', default: LIGHTHOUSE },
  },
})
const url = positionals[0]
const runs = Number(values.runs)
if (!url || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: node web/scripts/lighthouse.mjs URL [--runs N] [--out DIR] [--desktop] [--lighthouse VERSION]')
  process.exit(2)
}
const chrome = process.env.CHROME_PATH ?? CHROMES.find((path) => existsSync(path))
if (!chrome) {
  console.error('No Chrome or Chromium found: set CHROME_PATH to one.')
  process.exit(2)
}
const out = resolve(values.out)
mkdirSync(out, { recursive: true })

/** What one report says: the score, the metrics, and the bytes that crossed the wire by kind. */
function figures(report) {
  const audit = (id) => report.audits[id]?.numericValue ?? NaN
  const bytes = { Document: 0, Script: 0, Stylesheet: 0, Fetch: 0, Image: 0, Font: 0, Other: 0 }
  for (const request of report.audits['network-requests']?.details?.items ?? []) {
    const kind = request.resourceType in bytes ? request.resourceType : request.resourceType === 'XHR' ? 'Fetch' : 'Other'
    bytes[kind] += request.transferSize ?? 0
  }
  return {
    score: Math.round((report.categories.performance.score ?? NaN) * 100),
    fcp: audit('first-contentful-paint'),
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    si: audit('speed-index'),
    bytes,
  }
}

const results = []
for (let run = 1; run <= runs; run++) {
  const base = join(out, `run-${run}`)
  const lighthouse = spawnSync('npx', ['--yes', `lighthouse@${values.lighthouse}`, url,
    '--only-categories=performance', ...(values.desktop ? ['--preset=desktop'] : ['--form-factor=mobile']),
    `--chrome-path=${chrome}`, `--chrome-flags=${CHROME_FLAGS}`,
    '--output=json', '--output=html', `--output-path=${base}`, '--quiet'], { stdio: 'inherit' })
  if (lighthouse.status !== 0) {
    console.error(`Lighthouse run ${run} failed (exit ${lighthouse.status ?? lighthouse.signal}).`)
    process.exit(1)
  }
  const report = JSON.parse(readFileSync(`${base}.report.json`, 'utf8'))
  if (report.runtimeError) {
    console.error(`Lighthouse run ${run} could not load ${url}: ${report.runtimeError.message}`)
    process.exit(1)
  }
  results.push(figures(report))
}

const median = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
const of = (pick) => median(results.map(pick))
const all = (pick, format) => results.map((result) => format(pick(result))).join(', ')
const ms = (value) => `${Math.round(value)} ms`
const kb = (value) => `${(value / 1024).toFixed(1)} KB`
const lines = [
  ['performance score', (r) => r.score, String],
  ['First Contentful Paint', (r) => r.fcp, ms],
  ['Largest Contentful Paint', (r) => r.lcp, ms],
  ['Total Blocking Time', (r) => r.tbt, ms],
  ['Cumulative Layout Shift', (r) => r.cls, (value) => value.toFixed(3)],
  ['Speed Index', (r) => r.si, ms],
  ...Object.keys(results[0].bytes).map((kind) => [`transferred ${kind}`, (r) => r.bytes[kind], kb]),
]
const medians = Object.fromEntries(lines.map(([name, pick]) => [name, of(pick)]))
writeFileSync(join(out, 'median.json'), `${JSON.stringify({ url, runs, lighthouse: values.lighthouse, medians }, null, 2)}\n`)
console.log(`Lighthouse ${values.lighthouse}, ${values.desktop ? 'desktop' : 'mobile, simulated 4G'}, ${url}: median of ${runs}`)
for (const [name, pick, format] of lines) {
  console.log(`${name.padEnd(26)} ${format(of(pick)).padStart(10)}${runs > 1 ? `   (${all(pick, format)})` : ''}`)
}
console.log(`reports: ${out}/run-*.report.html, medians: ${out}/median.json`)
