import { describe, expect, it } from 'vitest'
import { formatSecondsLeft, msToNextTick, secondsLeft } from './countdown'

const EXPIRES = '2030-01-01T00:10:00Z'
const at = (iso: string) => Date.parse(iso)

describe('the reservation countdown', () => {
  it('counts whole seconds up to the end and stops at 0', () => {
    expect(secondsLeft(EXPIRES, at('2030-01-01T00:00:00Z'))).toBe(600)
    expect(secondsLeft(EXPIRES, at('2030-01-01T00:09:59.001Z'))).toBe(1)
    expect(secondsLeft(EXPIRES, at('2030-01-01T00:10:00Z'))).toBe(0)
    expect(secondsLeft(EXPIRES, at('2030-01-01T01:00:00Z'))).toBe(0)
  })

  it('reads as minutes and seconds', () => {
    expect(formatSecondsLeft(605)).toBe('10:05')
    expect(formatSecondsLeft(59)).toBe('0:59')
    expect(formatSecondsLeft(0)).toBe('0:00')
  })

  it('wakes up when the shown second changes, and never once it has ended', () => {
    expect(msToNextTick(EXPIRES, at('2030-01-01T00:09:58.250Z'))).toBe(750)
    expect(msToNextTick(EXPIRES, at('2030-01-01T00:09:58Z'))).toBe(1000)
    expect(msToNextTick(EXPIRES, at('2030-01-01T00:10:00Z'))).toBe(Infinity)
  })
})
