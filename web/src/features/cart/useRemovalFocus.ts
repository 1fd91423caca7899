import { useLayoutEffect, useRef } from 'react'
import { focusAfterRemoval } from './removalFocus'

interface Removal {
  removed: number
  next: number | null
}

/**
 * Keeps the focus in the cart when a line is removed (`focusAfterRemoval`), instead of losing
 * it to the page with the button that had it. Lines are named by product; the focus moves once
 * the removed line has left the screen, which is at once since removals show before the server
 * answers.
 */
export function useRemovalFocus(lines: readonly number[]) {
  const heading = useRef<HTMLHeadingElement>(null)
  const removeButtons = useRef(new Map<number, HTMLButtonElement>())
  const pending = useRef<Removal | null>(null)

  useLayoutEffect(() => {
    const removal = pending.current
    if (!removal || lines.includes(removal.removed)) return
    pending.current = null
    const next = removal.next === null ? undefined : removeButtons.current.get(removal.next)
    ;(next ?? heading.current)?.focus()
  })

  return {
    heading,
    /** A line's "Remove" as it is mounted (a button) and unmounted (null). */
    removeButton: (productId: number, button: HTMLButtonElement | null) => {
      if (button) removeButtons.current.set(productId, button)
      else removeButtons.current.delete(productId)
    },
    removing: (productId: number) => {
      pending.current = { removed: productId, next: focusAfterRemoval(lines, productId) }
    },
  }
}
