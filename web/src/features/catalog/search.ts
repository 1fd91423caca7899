import type { Navigation } from '../../lib/router'

/** How long the catalog waits after the last keystroke before it searches: one search per word typed, not one per letter. */
export const SEARCH_DEBOUNCE_MS = 250

/** The address of the shop's results for a search: `/?q=mug`, or `/` for none. */
export function searchHref(query: string): string {
  const trimmed = query.trim()
  return trimmed ? `/?${new URLSearchParams({ q: trimmed })}` : '/'
}

/**
 * A search typed on the shop's page rewrites its address as it goes, so back leaves the shop
 * rather than stepping through every word; typed on another page, it opens the shop's page once.
 * Either way the focus stays in the search box.
 */
export function searchNavigation(path: string): Navigation {
  return { replace: path === '/', keepFocus: true }
}
