package dev.cartwright.launcher;

import java.io.File;
import java.lang.reflect.InvocationTargetException;

/**
 * The jar's Main-Class, compiled for Java 8 (server/pom.xml): on a Java older than 21 it says so
 * in one line and exits 1, where the service's classes would fail with UnsupportedClassVersionError
 * and a stack trace; on 21 and newer it hands over to Spring Boot's launcher.
 */
public final class Launcher {

    static final int REQUIRED = 21;

    private Launcher() {}

    public static void main(String[] args) throws Throwable {
        int running = feature(System.getProperty("java.specification.version"));
        if (running < REQUIRED) {
            String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
            System.err.println("Cartwright needs Java " + REQUIRED + " or newer; this is Java " + running + " (" + java
                    + "). Install a JDK " + REQUIRED + "+ (for example Eclipse Temurin 25 from https://adoptium.net) and run "
                    + "the jar with its java, or start the store with ./run, which finds one.");
            System.exit(1);
        }
        try {
            // By name: the launcher's classes are compiled for a newer Java than this one.
            Class.forName("org.springframework.boot.loader.launch.JarLauncher")
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The feature release: java.specification.version is "1.8" for Java 8, "17" from Java 9 on. */
    static int feature(String specification) {
        String release = specification.startsWith("1.") ? specification.substring(2) : specification;
        int dot = release.indexOf('.');
        return Integer.parseInt(dot < 0 ? release : release.substring(0, dot));
    }
}
