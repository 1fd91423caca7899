import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/** WCAG 2.1 at levels A and AA: what the shop promises. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/**
 * Every axe-core violation of WCAG 2.1 AA on the page as it is now, one line each with the
 * elements it was found on, so that a failing test says what to fix: none is the only pass.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze()
  return results.violations.map((violation) =>
    `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const violations = await accessibilityViolations(page)
  expect(violations, violations.join('\n')).toEqual([])
}
