import { formatMoney } from '../../lib/money'

interface Line {
  productId: number
  name: string
  quantity: number
  lineTotal: number
}

/** What is being bought, or was: each line's name, quantity and line total. */
export function LineList({ lines, currency, label }: { lines: readonly Line[]; currency: string; label: string }) {
  return (
    <ul className="lines bought" aria-label={label}>
      {lines.map((line) => (
        <li key={line.productId} data-testid={`bought-line-${line.productId}`}>
          <span className="name">{line.name}</span>
          <span className="bought-quantity">× {line.quantity}</span>
          <span className="line-total">{formatMoney(line.lineTotal, currency)}</span>
        </li>
      ))}
    </ul>
  )
}
