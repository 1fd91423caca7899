package dev.cartwright;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/** Data directories for the embedded PostgreSQL of test runs, under target/ and fresh for each run. */
public final class TestDatabase {

    private static final Path ROOT = Path.of(System.getProperty("cartwright.test-data-root", "target/test-pgdata"));
    private static boolean cleaned;

    private TestDatabase() {}

    /** A new, empty data directory; the first call of a run removes those of earlier runs. */
    public static synchronized Path newDataDir() {
        try {
            if (!cleaned) {
                deleteRecursively(ROOT);
                cleaned = true;
            }
            return Files.createDirectories(ROOT.resolve(UUID.randomUUID().toString())).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
