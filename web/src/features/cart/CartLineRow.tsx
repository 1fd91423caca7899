import { formatMoney } from '../../lib/money'
import type { CartLine } from './types'
import { useRemoveLine } from './useRemoveLine'
import { useSelectLine } from './useSelectLine'
import { useSetQuantity } from './useSetQuantity'

interface CartLineRowProps {
  line: CartLine
  currency: string
  syncing: boolean
  removeButton?: (productId: number, button: HTMLButtonElement | null) => void
  /** Told before the line is removed, so the cart can keep the focus. */
  onRemove?: () => void
}

/** One line. Its buttons act on the quantity shown, which already includes clicks on their way. */
export function CartLineRow({ line, currency, syncing, removeButton, onRemove }: CartLineRowProps) {
  const setQuantity = useSetQuantity(line)
  const select = useSelectLine(line)
  const remove = useRemoveLine(line)
  return (
    <li className={syncing ? 'line syncing' : 'line'} data-testid={`cart-line-${line.productId}`} aria-busy={syncing}>
      <label className="line-select">
        <input
          type="checkbox"
          checked={line.selected}
          data-testid={`select-${line.productId}`}
          onChange={(event) => void select(event.target.checked)}
        />
        <span className="line-name">{line.name}</span>
      </label>
      <div className="quantity" role="group" aria-label={`Quantity of ${line.name}`}>
        <button
          type="button"
          data-testid={`qty-dec-${line.productId}`}
          aria-label={`One fewer ${line.name}`}
          disabled={line.quantity <= 1}
          onClick={() => setQuantity(line.quantity - 1)}
        >
          −
        </button>
        <output data-testid={`qty-${line.productId}`} aria-live="polite">{line.quantity}</output>
        <button
          type="button"
          data-testid={`qty-inc-${line.productId}`}
          aria-label={`One more ${line.name}`}
          onClick={() => setQuantity(line.quantity + 1)}
        >
          +
        </button>
      </div>
      <span className="line-total">{formatMoney(line.lineTotal, currency)}</span>
      <button
        type="button"
        className="link"
        data-testid={`remove-${line.productId}`}
        aria-label={`Remove ${line.name}`}
        ref={(button) => removeButton?.(line.productId, button)}
        onClick={() => {
          onRemove?.()
          void remove()
        }}
      >
        Remove
      </button>
    </li>
  )
}
