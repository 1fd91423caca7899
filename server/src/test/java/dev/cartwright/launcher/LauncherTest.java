package dev.cartwright.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The jar's Main-Class on a Java too old for the service says what it needs in one line and
 * exits 1. (On 21 and newer it hands over to Spring Boot: the end-to-end tests start the jar so.)
 */
class LauncherTest {

    @Test
    void anOlderJavaIsToldWhatToInstallInOneLine() throws Exception {
        Optional<Path> olderJava = olderJavaOnThisMachine();
        assumeTrue(olderJava.isPresent(), "no Java older than 21 in /usr/lib/jvm");
        Path classes = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());

        Process launched = new ProcessBuilder(olderJava.get().toString(), "-cp", classes.toString(), Launcher.class.getName())
                .redirectErrorStream(true)
                .start();
        String output = new String(launched.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(launched.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(launched.exitValue()).isEqualTo(1);
        assertThat(output.lines()).singleElement().asString()
                .matches("Cartwright needs Java 21 or newer; this is Java (8|9|1\\d|20) \\(\\Q" + olderJava.get().toRealPath()
                        + "\\E\\)\\. Install a JDK 21\\+ .*");
    }

    @Test
    void theFeatureReleaseIsReadFromBothSpellingsOfTheSpecificationVersion() {
        assertThat(Launcher.feature("1.8")).isEqualTo(8);
        assertThat(Launcher.feature("17")).isEqualTo(17);
        assertThat(Launcher.feature("25")).isEqualTo(25);
    }

    /** A java of a JDK or JRE older than 21, told by the release file every one of them has. */
    private static Optional<Path> olderJavaOnThisMachine() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")) && Files.isRegularFile(home.resolve("release")))
                    .filter(home -> feature(home) < 21)
                    .map(home -> home.resolve("bin/java"))
                    .findFirst();
        }
    }

    private static int feature(Path home) {
        try {
            return Files.readAllLines(home.resolve("release")).stream()
                    .filter(line -> line.startsWith("JAVA_VERSION=\""))
                    .map(line -> Launcher.feature(line.substring("JAVA_VERSION=\"".length(), line.length() - 1)))
                    .findFirst()
                    .orElse(Integer.MAX_VALUE);
        } catch (IOException e) {
            return Integer.MAX_VALUE;
        }
    }
}
