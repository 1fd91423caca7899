package dev.cartwright;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs many tasks at once, each on its own virtual thread, released together from one start line. */
public final class Race {

    private Race() {}

    public static <T> List<T> run(int contestants, IntFunction<T> task) {
        CountDownLatch ready = new CountDownLatch(contestants);
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> results = new ArrayList<>();
            for (int i = 0; i < contestants; i++) {
                int contestant = i;
                results.add(threads.submit(() -> {
                    ready.countDown();
                    start.await();
                    return task.apply(contestant);
                }));
            }
            if (!ready.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The contestants never all got ready");
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> result : results) {
                answers.add(result.get(120, TimeUnit.SECONDS));
            }
            return answers;
        } catch (Exception e) {
            throw new IllegalStateException("The race did not finish", e);
        }
    }
}
