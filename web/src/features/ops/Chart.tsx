import { useEffect, useRef } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { DROP_SECONDS } from './queries'

export interface ChartLine {
  label: string
  color: string
}

interface ChartProps {
  title: string
  lines: readonly ChartLine[]
  /** The seconds (x) first, then one array per line; null is a second without a value. */
  data: uPlot.AlignedData
  /** What the chart shows now, in words: the canvas itself says nothing to a screen reader. */
  summary: string
  /** How the y axis writes a value. */
  unit: (value: number) => string
  testId: string
}

const HEIGHT = 180

const clockTime = (seconds: number) =>
  new Date(seconds * 1000).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false })

/**
 * A uPlot line chart that follows its data and its container's width; its legend is ours, in the
 * page. `lines` and `unit` are the caller's constants: a new one makes the chart anew.
 */
export function Chart({ title, lines, data, summary, unit, testId }: ChartProps) {
  const box = useRef<HTMLDivElement>(null)
  const plot = useRef<uPlot | null>(null)
  const first = useRef(data)

  useEffect(() => {
    const element = box.current
    if (!element) return
    const made = new uPlot({
      width: Math.max(200, element.clientWidth),
      height: HEIGHT,
      legend: { show: false },
      cursor: { show: false },
      // Every chart spans at least the drop view's minute, also while its readings have only begun.
      scales: { x: { time: true, range: (_, min, max) => [Math.min(min, max - DROP_SECONDS), max] }, y: { range: (_, min, max) => [Math.min(0, min), Math.max(1, max)] } },
      // One row of plain clock times: uPlot's own adds a date row that overlaps itself at this width.
      axes: [{ values: (_, seconds) => seconds.map(clockTime), space: 70 }, { values: (_, values) => values.map(unit), size: 64 }],
      // A second without a reading (a scrape that came late) does not break the line.
      series: [{}, ...lines.map((line) => ({ label: line.label, stroke: line.color, width: 2, spanGaps: true, points: { show: false } }))],
    }, first.current, element)
    plot.current = made
    const resize = new ResizeObserver(() => made.setSize({ width: Math.max(200, element.clientWidth), height: HEIGHT }))
    resize.observe(element)
    return () => {
      resize.disconnect()
      made.destroy()
      plot.current = null
    }
  }, [lines, unit])

  useEffect(() => {
    plot.current?.setData(data)
  }, [data])

  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>
        <span className="chart-title">{title}</span>
        <span className="legend">
          {lines.map((line) => (
            <span key={line.label}><span className="swatch" style={{ background: line.color }} aria-hidden="true" />{line.label}</span>
          ))}
        </span>
      </figcaption>
      <div ref={box} role="img" aria-label={summary} />
    </figure>
  )
}
