package dev.cartwright;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Every start-up failure an operator can cause is told in one line and one action, as Spring
 * Boot tells its own, and never with a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailuresTest {

    private static final Pattern REPORT = Pattern.compile(
            "APPLICATION FAILED TO START\\R\\*+\\R\\R(?:Description:\\R\\R)(.*)\\R\\R(?:Action:\\R\\R)(.*)\\R");

    /** The failure report, its description and its action each one line, and no stack trace anywhere. */
    static void assertRefused(String output, String description, String action) {
        Matcher report = REPORT.matcher(output);
        assertThat(report.find()).as("a failure report in:%n%s", output).isTrue();
        assertThat(report.group(1)).contains(description);
        assertThat(report.group(2)).contains(action);
        assertThat(output).doesNotContain("\tat ").doesNotContain("Application run failed");
    }

    /** Starts the service on the embedded database and a random port, unless the settings say otherwise; it must fail. */
    private static void start(String... settings) {
        Map<String, String> arguments = new LinkedHashMap<>(Map.of("server.port", "0", "cartwright.database.url", ""));
        for (String setting : settings) {
            String[] nameAndValue = setting.split("=", 2);
            arguments.put(nameAndValue[0], nameAndValue[1]);
        }
        assertThatThrownBy(() -> new SpringApplicationBuilder(CartwrightApplication.class)
                .run(arguments.entrySet().stream().map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                        .toArray(String[]::new))
                .close())
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void aTakenHttpPortNamesPort(CapturedOutput output) throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            start("server.port=" + taken.getLocalPort(), "cartwright.database.data-dir=" + TestDatabase.newDataDir());

            assertRefused(output.getAll(), "Port " + taken.getLocalPort() + " is already in use by another program",
                    "start the store on another port with PORT");
        }
    }

    @Test
    void aDataDirectoryThatIsAFileIsRefused(CapturedOutput output) throws IOException {
        Path file = Files.writeString(TestDatabase.newDataDir().resolve("data"), "not a directory");

        start("cartwright.database.data-dir=" + file);

        assertRefused(output.getAll(), "CARTWRIGHT_DATA_DIR (" + file + "), is a file, not a directory",
                "Set CARTWRIGHT_DATA_DIR to a new or empty directory");
    }

    @Test
    void aDataDirectoryThatCannotBeMadeIsRefused(CapturedOutput output) throws IOException {
        Path file = Files.writeString(TestDatabase.newDataDir().resolve("file"), "not a directory");
        Path below = file.resolve("data");

        start("cartwright.database.data-dir=" + below);

        assertRefused(output.getAll(), "CARTWRIGHT_DATA_DIR (" + below + "), cannot be made", "Set CARTWRIGHT_DATA_DIR");
    }

    @Test
    void aDataDirectoryHoldingOtherFilesIsLeftAlone(CapturedOutput output) throws IOException {
        Path dataDir = TestDatabase.newDataDir();
        Files.writeString(dataDir.resolve("notes.txt"), "mine");

        start("cartwright.database.data-dir=" + dataDir);

        assertRefused(output.getAll(), "holds other files [notes.txt] and no PostgreSQL database",
                "Set CARTWRIGHT_DATA_DIR to a new or empty directory");
        assertThat(Files.readString(dataDir.resolve("notes.txt"))).isEqualTo("mine");
        try (Stream<Path> entries = Files.list(dataDir)) {
            assertThat(entries).hasSize(1);
        }
    }

    @Test
    void aDataDirectoryThisUserCannotWriteIsRefused(CapturedOutput output) throws IOException {
        Path dataDir = TestDatabase.newDataDir();
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("r-x------"));
        try {
            assumeTrue(!Files.isWritable(dataDir), "root may write any directory");

            start("cartwright.database.data-dir=" + dataDir);

            assertRefused(output.getAll(), "is not writable by this user", "Set CARTWRIGHT_DATA_DIR");
        } finally {
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void anEmbeddedPostgresThatDoesNotStartSaysHowToSeeWhy(CapturedOutput output) throws IOException {
        // What a half-deleted data directory looks like: PostgreSQL's mark, but no configuration; initdb fails on it.
        Path dataDir = TestDatabase.newDataDir();
        Files.writeString(dataDir.resolve("PG_VERSION"), "18\n");

        start("cartwright.database.data-dir=" + dataDir);

        assertRefused(output.getAll(), "The embedded PostgreSQL did not start on CARTWRIGHT_DATA_DIR (" + dataDir + ")",
                "LOGGING_LEVEL_IO_ZONKY_TEST_DB_POSTGRES_EMBEDDED=INFO");
    }

    @Test
    void anUnreachableDatabaseUrlIsNamed(CapturedOutput output) throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        start("cartwright.database.url=postgres://shop:secret-password@localhost:" + closed + "/shop",
                "cartwright.admin.token=t", "cartwright.payment.provider=simulated");

        assertRefused(output.getAll(), "Cannot connect to the PostgreSQL that DATABASE_URL names (jdbc:postgresql://localhost:"
                + closed + "/shop): Connection to localhost:" + closed + " refused", "Check DATABASE_URL");
        assertThat(output.getAll()).doesNotContain("secret-password");
    }

    @Test
    void aDatabaseUrlWithAnUnknownUserOrDatabaseIsNamed(CapturedOutput output) throws IOException {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().setDataDirectory(TestDatabase.newDataDir()).start()) {
            String server = "localhost:" + external.getPort();

            start("cartwright.database.url=postgres://nobody:pw@" + server + "/postgres",
                    "cartwright.admin.token=t", "cartwright.payment.provider=simulated");
            start("cartwright.database.url=postgres://postgres:pw@" + server + "/no_such_shop",
                    "cartwright.admin.token=t", "cartwright.payment.provider=simulated");

            String[] attempts = output.getAll().split("APPLICATION FAILED TO START");
            assertThat(attempts).hasSize(3);
            assertRefused("APPLICATION FAILED TO START" + attempts[1], "(jdbc:postgresql://" + server + "/postgres): "
                    + "FATAL: role \"nobody\" does not exist", "Check DATABASE_URL");
            assertRefused("APPLICATION FAILED TO START" + attempts[2], "(jdbc:postgresql://" + server + "/no_such_shop): "
                    + "FATAL: database \"no_such_shop\" does not exist", "Check DATABASE_URL");
        }
    }

    @Test
    void aDatabaseUrlOfAnotherKindIsRefused(CapturedOutput output) {
        start("cartwright.database.url=mysql://localhost/shop", "cartwright.admin.token=t",
                "cartwright.payment.provider=simulated");

        assertRefused(output.getAll(), "DATABASE_URL must start with jdbc:postgresql://, postgres:// or postgresql://",
                "Set DATABASE_URL to postgres://user:password@host:5432/database");
    }

    @Test
    void anotherPlatformThanTheBinariesIsToldToSetDatabaseUrlAndTheProcessExitsNonZero() throws Exception {
        // A JVM of its own: the exit status is the claim, and os.arch is the JVM's.
        Path log = TestDatabase.newDataDir().resolveSibling("unsupported-platform.log");
        Process service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dos.arch=sparcv9", "-cp", System.getProperty("java.class.path"), CartwrightApplication.class.getName(),
                "--server.port=0", "--cartwright.database.url=", "--cartwright.database.data-dir=" + TestDatabase.newDataDir())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();

        assertThat(service.waitFor(120, TimeUnit.SECONDS)).as("the service gave up").isTrue();
        assertThat(service.exitValue()).isNotZero();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertRefused(output, "The embedded PostgreSQL ships for Linux on x86-64 and ARM64 only, and this is Linux on sparcv9.",
                "Set DATABASE_URL to a PostgreSQL 14 or newer");
        assertThat(List.of(output.split("\\R"))).noneMatch(line -> line.startsWith("Exception in thread"));
    }
}
