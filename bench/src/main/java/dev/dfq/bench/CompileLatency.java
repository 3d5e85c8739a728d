package dev.dfq.bench;

import dev.dfq.engine.FilterCompiler;
import dev.dfq.fields.FieldRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The median compile time of every filter in the given files (one filter per line), after a
 * warm-up over all of them; prints the distribution of the medians and the slowest filters.
 * Usage: {@code java -cp dfq-benchmarks.jar dev.dfq.bench.CompileLatency FILE...}
 */
public final class CompileLatency {
    private CompileLatency() {
    }

    public static void main(String[] args) throws IOException {
        List<String> filters = new ArrayList<>();
        for (String a : args) {
            for (String line : Files.readAllLines(Path.of(a), StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    filters.add(line);
                }
            }
        }
        FilterCompiler compiler = new FilterCompiler(FieldRegistry.wireshark());
        for (int round = 0; round < 200; round++) {
            for (String f : filters) {
                compiler.compile(f);
            }
        }
        int runs = 101;
        double[] medians = new double[filters.size()];
        long[] sample = new long[runs];
        for (int i = 0; i < filters.size(); i++) {
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                compiler.compile(filters.get(i));
                sample[r] = System.nanoTime() - t0;
            }
            Arrays.sort(sample);
            medians[i] = sample[runs / 2] / 1000.0;
        }
        Integer[] order = new Integer[filters.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(medians[b], medians[a]));
        double[] sorted = medians.clone();
        Arrays.sort(sorted);
        System.out.printf("filters: %d%n", filters.size());
        System.out.printf("median of medians: %.1f us, p90: %.1f us, max: %.1f us%n",
                sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.9)], sorted[sorted.length - 1]);
        System.out.println("slowest:");
        for (int i = 0; i < Math.min(5, order.length); i++) {
            System.out.printf("  %8.1f us  %s%n", medians[order[i]], filters.get(order[i]));
        }
    }
}
