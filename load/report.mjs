// Prints ./bench's table from what the run left in load/target: pgbench's logs, the figures each
// simulation wrote and the stock read back with SQL. Exits 1 when the stock does not add up or a
// request got an answer it should never get (a 5xx, a refusal other than the drop's 409).
import { existsSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const target = process.argv[2]
const root = join(target, '..', '..')
const json = (name) => JSON.parse(readFileSync(join(target, 'figures', `${name}.json`), 'utf8'))
const tps = (name) => {
  const log = readFileSync(join(target, 'logs', `pgbench-${name}.log`), 'utf8')
  return Number(/tps = ([\d.]+)/.exec(log)[1])
}

// Issue 11's table: the service before this work, with the load outside its JVM.
const before = {
  cart: { figure: '1,100–1,350/s warm', database: '4,250 tps', ratio: '0.26–0.32' },
  drop: { figure: '180–290/s, p50 180–290 ms, p99 0.6–1.2 s', database: '2,800 tps', ratio: '≈ 0.1' },
}

const whole = (n) => Math.round(n).toLocaleString('en-US')
const ms = (n) => (n === null || n === undefined ? '–' : `${n} ms`)
const spread = (l) => `p50 ${ms(l.p50)}, p95 ${ms(l.p95)}, p99 ${ms(l.p99)}`
const ratio = (a, b) => (a / b).toFixed(2)
const report = (name) => {
  const index = join(target, 'gatling', name, 'index.html')
  return existsSync(index) ? relative(root, index) : '(no report)'
}

const problems = []
const cart = json('cart')
for (const answer of cart.unexpected) problems.push(`cart: ${answer}`)
const cartLimit = tps('cart-change')
const hotRow = tps('hot-row')
const rows = [
  ['work', 'before (issue 11)', 'now', "the database's own limit, now", 'ratio now (before)', 'goal'],
  [
    `cart quantity change over HTTP, ${cart.users} shoppers at once`,
    before.cart.figure,
    `${whole(cart.changesPerSecond)}/s, ${spread(cart.latency)}`,
    `pgbench cart-change.sql: ${whole(cartLimit)} tps`,
    `**${ratio(cart.changesPerSecond, cartLimit)}** (${before.cart.ratio})`,
    '≥ 0.7',
  ],
]
const drops = [['drop', 'one node'], ['drop-plenty', 'one node, enough for everyone'], ['drop-two-nodes', 'two nodes']].filter(([name]) => existsSync(join(target, 'figures', `${name}.json`)))
for (const [name, nodes] of drops) {
  const drop = json(name)
  rows.push([
    `flash sale, ${nodes}: ${whole(drop.shoppers)} shoppers, ${drop.units} units, ${drop.inFlight} in flight`,
    nodes === 'one node' ? before.drop.figure : '',
    `${whole(drop.checkoutsPerSecond)} checkouts/s, ${spread(drop.latency)}`,
    `pgbench hot-row.sql: ${whole(hotRow)} tps`,
    `**${ratio(drop.checkoutsPerSecond, hotRow)}** (${nodes === 'one node' ? before.drop.ratio : '–'})`,
    '≥ 1.0, then ≥ 2; p99 ≤ 100 ms',
  ])
  rows.push([
    `push during the drop, ${nodes}: ${whole(drop.socketsFollowing)} sockets following`,
    '',
    `${spread(drop.push)} (${whole(drop.push.samples)} sale × socket samples, ${drop.push.missed} missed)`,
    '',
    '',
    'p99 ≤ 100 ms',
  ])
}

const lighthouse = join(target, 'lighthouse', 'median.json')
if (existsSync(lighthouse)) {
  const { medians, runs } = JSON.parse(readFileSync(lighthouse, 'utf8'))
  const kb = (bytes) => `${Math.round(bytes / 1024)} KB`
  rows.push([
    'storefront first load on a phone (Lighthouse, simulated 4G)',
    'JS sent uncompressed: 286 KB; performance 94, FCP 2.3 s',
    `performance ${medians['performance score']}, FCP ${(medians['First Contentful Paint'] / 1000).toFixed(1)} s, `
      + `LCP ${(medians['Largest Contentful Paint'] / 1000).toFixed(1)} s; JS sent ${kb(medians['transferred Script'])} gzip `
      + `(median of ${runs})`,
    '',
    '',
    'performance ≥ 98',
  ])
}

const lines = ['| ' + rows[0].join(' | ') + ' |', '|' + rows[0].map(() => '---').join('|') + '|']
for (const row of rows.slice(1)) lines.push('| ' + row.join(' | ') + ' |')
lines.push('')

for (const [name, nodes] of drops) {
  const drop = json(name)
  const stock = json(`${name}-stock`)
  const outcomes = Object.entries(drop.outcomes).map(([outcome, n]) => `${whole(n)} × ${outcome}`).join(', ')
  const expected = Math.min(drop.units, drop.cartsFilled)
  const reserved = drop.outcomes['201'] ?? 0
  const addsUp = stock.reserved === stock.reservationRows && stock.onHand - stock.reserved >= 0
    && stock.reserved === expected && reserved === expected
  lines.push(`- Drop, ${nodes}: ${outcomes} in ${drop.seconds.toFixed(1)} s. Stock afterwards: ${stock.onHand} on hand, `
    + `${stock.reserved} reserved, ${stock.reservationRows} in reservation rows: `
    + (addsUp ? `adds up (${expected} reserved, none oversold).` : `**does not add up** (expected ${expected} reserved).`))
  if (!addsUp) problems.push(`${name}: the stock does not add up`)
  if (drop.socketsFailed > 0) problems.push(`${name}: ${drop.socketsFailed} sockets could not follow the product`)
  if (drop.cartsFilled < drop.shoppers) problems.push(`${name}: only ${drop.cartsFilled} of ${drop.shoppers} carts were filled`)
  for (const answer of drop.unexpected) problems.push(`${name}: ${answer}`)
}
lines.push(`- Push latency: from the k-th checkout answered 201 to each socket's first stock message showing at least k `
  + 'units sold, measured by the load generator (the message carries no commit time); see README, "Measuring speed".')
lines.push(`- pgbench: the same PostgreSQL, -M prepared, ${cart.users} clients for cart-change.sql, `
  + 'the hot row with BENCH_HOT_ROW_CLIENTS (64); logs in load/target/logs.')
lines.push('- Gatling reports: ' + ['cart', ...drops.map(([name]) => name)].map((name) => `${name}: ${report(name)}`).join('; '))
if (problems.length > 0) {
  lines.push('', '**Problems:**', ...problems.map((problem) => `- ${problem}`))
}
console.log(lines.join('\n'))
process.exit(problems.length > 0 ? 1 : 0)
