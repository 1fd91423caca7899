/**
 * Where the focus goes when a line's "Remove" takes the line away: to the next line's "Remove",
 * or the previous one's when it was the last line, so that a keyboard goes on through the cart
 * where it was; null when no line is left (the cart's heading then).
 */
export function focusAfterRemoval(lines: readonly number[], removed: number): number | null {
  const index = lines.indexOf(removed)
  if (index < 0) return null
  return lines[index + 1] ?? lines[index - 1] ?? null
}
