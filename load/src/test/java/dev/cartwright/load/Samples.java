package dev.cartwright.load;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Milliseconds measured during a run, summed up as ./bench's table shows them (nearest-rank percentiles). */
final class Samples {

    private final ConcurrentLinkedQueue<Long> millis = new ConcurrentLinkedQueue<>();

    void add(long value) {
        millis.add(value);
    }

    Map<String, Object> figures() {
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("samples", sorted.length);
        figures.put("p50", percentile(sorted, 50));
        figures.put("p95", percentile(sorted, 95));
        figures.put("p99", percentile(sorted, 99));
        figures.put("max", sorted.length == 0 ? null : sorted[sorted.length - 1]);
        return figures;
    }

    private static Long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
