import { useEffect } from 'react'
import { usePageChanges } from '../lib/router'

/**
 * Takes the focus to the page's level-one heading (focusable by script only: tabindex -1), as a
 * screen reader announces a page loaded anew. A page still loading gets it when its heading
 * appears, unless the shopper has put the focus somewhere meanwhile. Answers a function that
 * stops waiting.
 */
export function focusPageHeading(document: Document): () => void {
  const focus = (heading: HTMLElement) => {
    if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1
    heading.focus()
  }
  const heading = document.querySelector<HTMLElement>('h1')
  if (heading) {
    focus(heading)
    return () => {}
  }
  const view = document.defaultView
  if (!view) return () => {}
  const stop = () => {
    observer.disconnect()
    document.removeEventListener('focusin', stop)
  }
  const observer = new view.MutationObserver(() => {
    const shown = document.querySelector<HTMLElement>('h1')
    if (!shown) return
    stop()
    focus(shown)
  })
  observer.observe(document.body, { childList: true, subtree: true })
  document.addEventListener('focusin', stop)
  return stop
}

/** After every page change (not the first page, nor a search being typed), the focus goes to the new page's heading. */
export function usePageFocus(): void {
  const changes = usePageChanges()
  useEffect(() => (changes === 0 ? undefined : focusPageHeading(document)), [changes])
}
