package dev.dfq.engine.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hand-written time text equals what "%.6f" printed before it wherever a double holds the value
 * exactly, and is exact (as tshark's integer arithmetic) beyond that.
 */
class ColumnsTimeTest {
    @Test
    void relativeTimeMatchesFormatter() {
        Random r = new Random(9);
        long[] fixed = {0, 1000, -1000, 999_999_000, 1_000_000_000, -1_500_000_000L, 12_000, 5_082_308_000L, 1, -1, 500,
            1_234_567_891L, Long.MIN_VALUE};
        for (long ns : fixed) {
            assertThat(Columns.relTime(ns)).as("%d ns", ns).isEqualTo(String.format(Locale.ROOT, "%.6f", ns / 1e9));
        }
        for (int i = 0; i < 100_000; i++) {
            long ns = r.nextLong() % (1L << 53);
            if (r.nextBoolean()) {
                ns = ns / 1000 * 1000; // whole microseconds, as pcap timestamps mostly are
            }
            assertThat(Columns.relTime(ns)).as("%d ns", ns).isEqualTo(String.format(Locale.ROOT, "%.6f", ns / 1e9));
        }
        assertThat(Columns.relTime(Long.MAX_VALUE / 1000 * 1000)).isEqualTo("9223372036.854775");
        assertThat(Columns.relTime(-86_400_000_000_000_000L)).isEqualTo("-86400000.000000");
    }
}
