import { useEffect, useState } from 'react'
import { navigate, usePath, useSearchParam } from '../../lib/router'
import { SEARCH_DEBOUNCE_MS, searchHref, searchNavigation } from './search'

/**
 * The search box: what is typed shows at once, and reaches the address (`?q=`, which the catalog
 * follows) once typing has paused. An address that changes otherwise (back, forward, a link) is
 * shown in the box at once.
 */
export function useSearchBox(): { text: string; setText: (text: string) => void } {
  const query = useSearchParam('q')
  const path = usePath()
  const [text, setText] = useState(query)
  const [addressed, setAddressed] = useState(query)
  if (query !== addressed) {
    setAddressed(query)
    if (query !== text.trim()) setText(query)
  }
  useEffect(() => {
    if (text.trim() === query) return
    const typing = setTimeout(() => navigate(searchHref(text), searchNavigation(path)), SEARCH_DEBOUNCE_MS)
    return () => clearTimeout(typing)
  }, [text, query, path])
  return { text, setText }
}
