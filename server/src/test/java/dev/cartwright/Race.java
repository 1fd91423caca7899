package dev.cartwright;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Runs many tasks at once, each on its own virtual thread, released together from one start
 * line; answers their results in the tasks' order and fails if the race outlasts its time.
 */
public final class Race {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private Race() {}

    public static <T> List<T> run(int contestants, IntFunction<T> task) {
        return all(IntStream.range(0, contestants).<Callable<T>>mapToObj(i -> () -> task.apply(i)).toList());
    }

    public static <T> List<T> all(List<Callable<T>> tasks) {
        CyclicBarrier startLine = new CyclicBarrier(tasks.size());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> running = new ArrayList<>();
            for (Callable<T> task : tasks) {
                running.add(threads.submit(() -> {
                    startLine.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    return task.call();
                }));
            }
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            List<T> results = new ArrayList<>();
            for (Future<T> result : running) {
                results.add(result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            threads.shutdownNow();
            return results;
        } catch (Exception e) {
            throw new IllegalStateException("The race did not finish", e);
        }
    }
}
