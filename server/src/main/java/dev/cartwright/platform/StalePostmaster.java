package dev.cartwright.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL left running on our data directory by a service that was killed (SIGKILL, the
 * OOM killer): its postmaster.pid names a live postgres process started on that directory. It
 * is asked to shut down (SIGTERM, a smart shutdown: the dead service's sessions are gone), and
 * only if it will not, stopped hard; fsync is on, so PostgreSQL recovers on the next start.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private StalePostmaster() {}

    static void stopIfRunning(Path dataDir) throws IOException {
        Optional<ProcessHandle> stale = find(dataDir);
        if (stale.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = stale.get();
        log.warn("A PostgreSQL (pid {}) from an earlier run still uses {}; stopping it before starting again",
                postmaster.pid(), dataDir);
        postmaster.destroy();
        if (!exited(postmaster, PATIENCE)) {
            log.warn("PostgreSQL (pid {}) did not stop within {} s; killing it", postmaster.pid(), PATIENCE.toSeconds());
            postmaster.destroyForcibly();
            exited(postmaster, PATIENCE);
        }
    }

    /** The live postgres whose pid postmaster.pid holds and whose command line names this directory. */
    static Optional<ProcessHandle> find(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d{1,10}")) {
            return Optional.empty();
        }
        String absolute = dataDir.toAbsolutePath().normalize().toString();
        return ProcessHandle.of(Long.parseLong(lines.getFirst().strip()))
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false))
                .filter(process -> process.info().arguments()
                        .map(arguments -> List.of(arguments).contains(absolute) || List.of(arguments).contains(dataDir.toString()))
                        .orElse(false));
    }

    private static boolean exited(ProcessHandle process, Duration patience) {
        try {
            process.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
