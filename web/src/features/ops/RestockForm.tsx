import { useId, useState, type FormEvent } from 'react'
import { problemText } from './opsApi'
import { MAX_STOCK, readStockInput } from './restock'
import type { OpsProduct } from './types'
import { useRestock } from './useRestock'

/** Sets a product's stock on hand: a restock, or a drop's stock before it opens. */
export function RestockForm({ product }: { product: Pick<OpsProduct, 'id' | 'name' | 'onHand'> }) {
  const restock = useRestock(product.id)
  const [text, setText] = useState('')
  const [invalid, setInvalid] = useState<string | null>(null)
  const messageId = useId()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const input = readStockInput(text)
    if (!input.ok) {
      setInvalid(input.problem)
      return
    }
    setInvalid(null)
    restock.mutate(input.stockOnHand, { onSuccess: () => setText('') })
  }
  const problem = invalid ?? (restock.isError ? problemText(restock.error) : null)
  return (
    <form className="restock" onSubmit={submit} noValidate data-testid={`restock-${product.id}`}>
      <label>
        <span className="visually-hidden">New stock on hand of {product.name}</span>
        <input inputMode="numeric" type="number" min={0} max={MAX_STOCK} step={1} placeholder={String(product.onHand)}
          value={text} onChange={(event) => setText(event.target.value)} aria-invalid={problem !== null || undefined}
          aria-describedby={messageId} data-testid={`restock-input-${product.id}`} />
      </label>
      <button type="submit" disabled={restock.isPending} data-testid={`restock-submit-${product.id}`}>
        {restock.isPending ? 'Setting…' : 'Set stock'}
      </button>
      <span id={messageId} role="status" className={problem ? 'error' : 'ok'} data-testid={`restock-message-${product.id}`}>
        {problem ?? (restock.isSuccess ? `Stock on hand is now ${restock.data.stockOnHand}.` : '')}
      </span>
    </form>
  )
}
