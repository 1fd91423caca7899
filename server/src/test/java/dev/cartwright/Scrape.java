package dev.cartwright;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of /actuator/prometheus, read as its samples: name, labels, value. */
public record Scrape(List<Sample> samples) {

    public record Sample(String name, Map<String, String> labels, double value) {}

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\S+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** Scrapes the node with the admin token. */
    public static Scrape of(Shopper operator, String adminToken) {
        Shopper.Response metrics = operator.get("/actuator/prometheus", "Authorization", "Bearer " + adminToken);
        assertThat(metrics.status()).as(metrics.body()).isEqualTo(200);
        List<Sample> samples = new ArrayList<>();
        for (String line : metrics.body().split("\n")) {
            Matcher sample = LINE.matcher(line);
            if (line.startsWith("#") || !sample.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
        }
        return new Scrape(samples);
    }

    /** Scrapes until the condition holds, for gauges read from the database at most every few seconds (15 s at most). */
    public static Scrape until(Shopper operator, String adminToken, Predicate<Scrape> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        Scrape scrape = of(operator, adminToken);
        while (!condition.test(scrape) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            scrape = of(operator, adminToken);
        }
        return scrape;
    }

    /** The sum of the series of this name that carry these labels (name, value pairs; they may carry others too); 0 when none does. */
    public double value(String name, String... labels) {
        return samples.stream()
                .filter(sample -> sample.name().equals(name) && has(sample, labels))
                .mapToDouble(Sample::value)
                .sum();
    }

    /** Whether a series of this name, with these labels, is served at all. */
    public boolean has(String name, String... labels) {
        return samples.stream().anyMatch(sample -> sample.name().equals(name) && has(sample, labels));
    }

    private static boolean has(Sample sample, String... labels) {
        for (int i = 0; i < labels.length; i += 2) {
            if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
                return false;
            }
        }
        return true;
    }
}
