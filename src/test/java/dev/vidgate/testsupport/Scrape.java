package dev.vidgate.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A Prometheus text scrape ({@code /actuator/prometheus}) read into its samples. */
public final class Scrape {
    // label values are quoted and may hold a brace: a route's pattern, uri="/v1/videos/{id}"
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[^}\"]|\"(?:[^\"\\\\]|\\\\.)*\")*})?\\s+(\\S+).*$");

    private record Sample(String name, String labels, double value) {}

    private final List<Sample> samples = new ArrayList<>();
    private final String text;

    private Scrape(String text) {
        this.text = text;
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (line.startsWith("#") || !m.matches()) continue;
            samples.add(new Sample(m.group(1), m.group(2) == null ? "" : m.group(2), Double.parseDouble(m.group(3))));
        }
    }

    public static Scrape of(String text) {
        return new Scrape(text);
    }

    /** Every metric name in the scrape, suffixes ({@code _count}, {@code _bucket}, {@code _total}) included. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.forEach(s -> names.add(s.name()));
        return names;
    }

    /** The value of the one sample of {@code name} whose labels include each of {@code labels} ({@code key="value"}). */
    public double value(String name, String... labels) {
        List<Sample> found = samples.stream().filter(s -> s.name().equals(name))
                .filter(s -> List.of(labels).stream().allMatch(s.labels()::contains)).toList();
        assertThat(found).as("samples of " + name + " with " + List.of(labels) + " in\n" + text).hasSize(1);
        return found.getFirst().value();
    }

    /** Whether a sample of {@code name} with each of {@code labels} is there. */
    public boolean has(String name, String... labels) {
        return samples.stream().anyMatch(s -> s.name().equals(name) && List.of(labels).stream().allMatch(s.labels()::contains));
    }
}
