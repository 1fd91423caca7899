package dev.cartwright.platform;

import java.util.Locale;
import java.util.Set;

/** The PostgreSQL binaries the jar ships (server/pom.xml): Linux on x86-64 and on ARM64, nothing else. */
final class EmbeddedBinaries {

    private static final Set<String> ARCHITECTURES = Set.of("amd64", "x86_64", "aarch64", "arm64");

    private EmbeddedBinaries() {}

    static void requireThisPlatform() {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        if (!os.toLowerCase(Locale.ROOT).startsWith("linux") || !ARCHITECTURES.contains(arch.toLowerCase(Locale.ROOT))) {
            throw new StartupRefusal("The embedded PostgreSQL ships for Linux on x86-64 and ARM64 only, and this is "
                    + os + " on " + arch + ".",
                    "Set DATABASE_URL to a PostgreSQL 14 or newer (postgres://user:password@host:5432/database), "
                            + "for example one from your package manager or a container.");
        }
    }
}
