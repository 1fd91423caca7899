const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' })

/** "1 December 2026 at 12:15", in the shopper's own way of writing dates. */
export function formatWhen(iso: string): string {
  return WHEN.format(new Date(iso))
}
