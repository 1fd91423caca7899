package dev.cartwright.platform;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The embedded PostgreSQL's data directory (CARTWRIGHT_DATA_DIR), made if missing. A file, a
 * directory this user cannot write, or one holding files but no PostgreSQL database is refused
 * before initdb would fail on it.
 */
final class DataDirectory {

    private static final String ACTION = "Set CARTWRIGHT_DATA_DIR to a new or empty directory this user can write "
            + "(it is made if missing), or to one an earlier run of Cartwright made.";

    private DataDirectory() {}

    static void prepare(Path dataDir) {
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            throw refusal(dataDir, "is a file, not a directory", null);
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw refusal(dataDir, "cannot be made (" + reason(e) + ")", e);
        }
        if (!Files.isWritable(dataDir)) {
            throw refusal(dataDir, "is not writable by this user (" + System.getProperty("user.name") + ")", null);
        }
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            List<String> some;
            try (Stream<Path> entries = Files.list(dataDir)) {
                some = entries.limit(3).map(entry -> entry.getFileName().toString()).toList();
            } catch (IOException e) {
                throw refusal(dataDir, "cannot be read (" + reason(e) + ")", e);
            }
            if (!some.isEmpty()) {
                throw refusal(dataDir, "holds other files " + some + " and no PostgreSQL database", null);
            }
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (e instanceof FileAlreadyExistsException file) {
            return file.getFile() + " is a file";
        }
        if (e instanceof FileSystemException failed && failed.getReason() != null) {
            return failed.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    private static StartupRefusal refusal(Path dataDir, String what, @Nullable Exception cause) {
        return new StartupRefusal("The embedded PostgreSQL's data directory, CARTWRIGHT_DATA_DIR (" + dataDir + "), "
                + what + ".", ACTION, cause);
    }
}
