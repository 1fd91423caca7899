package dev.cartwright.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** What ./bench hands a simulation, in environment variables: the nodes, the products, the sizes. */
record Bench(List<String> nodes, Path figures) {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static Bench fromEnvironment() {
        List<String> nodes = Arrays.stream(required("BENCH_NODES").split(",")).map(String::strip).toList();
        return new Bench(nodes, Path.of(required("BENCH_FIGURES")));
    }

    /** The node a virtual user, shopper or socket of this number talks to: they take turns. */
    String node(long number) {
        return nodes.get((int) (number % nodes.size()));
    }

    static String wsUrl(String node) {
        return node.replaceFirst("^http", "ws") + "/ws";
    }

    static int number(String name) {
        return Integer.parseInt(required(name));
    }

    static long productId(String name) {
        return Long.parseLong(required(name));
    }

    static List<Long> productIds(String name) {
        return Arrays.stream(required(name).split(",")).map(String::strip).map(Long::parseLong).toList();
    }

    static Duration seconds(String name) {
        return Duration.ofSeconds(number(name));
    }

    /** The figures this run measured beyond Gatling's own statistics, for ./bench's table. */
    void write(Map<String, Object> figures) {
        try {
            Files.createDirectories(this.figures.getParent());
            JSON.writeValue(this.figures.toFile(), figures);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set; ./bench sets it (run the scenarios through ./bench)");
        }
        return value;
    }
}
