const AT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' })

/** To the second, as an operator reading a ledger needs it: "3 Dec 2026, 14:05:09". */
export function formatAt(iso: string): string {
  return AT.format(new Date(iso))
}
