import { ApiProblem } from '../../lib/api'

/** What went wrong, for the shopper: the service's own words, or what to do when it could not be reached. */
export function problemText(error: unknown): string {
  return error instanceof ApiProblem ? error.detail : 'The shop could not be reached. Check your connection and try again.'
}
