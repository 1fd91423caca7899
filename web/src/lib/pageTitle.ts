import { useEffect } from 'react'

const SHOP = 'Cartwright'

/** The browser's title for the page shown, written like the service writes it into the page it serves. */
export function usePageTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} — ${SHOP}` : SHOP
  }, [title])
}
