package dev.dfq.bench;

import dev.dfq.engine.CompiledFilter;
import dev.dfq.engine.FilterCompiler;
import dev.dfq.engine.References;
import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldStore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * VM evaluation cost per frame on a prepared field store (no dissection): the store holds a TCP
 * segment's fields as the TCP dissector adds them. Run with {@code -prof gc} to see the
 * allocation per evaluation (target: none).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(2)
public class EvalBenchmark {
    @Param({"tcp.port == 25 && tcp.len > 1000", "ip.src == 10.12.0.0/16 && tcp.port in {25, 587}",
            "tcp.flags.syn == 1 && !tcp.flags.ack"})
    public String filter;

    /** Which frame: a matching one and one rejected by the first test. */
    @Param({"match", "miss"})
    public String frame;

    private CompiledFilter.Evaluator evaluator;
    private FieldStore store;

    @Setup
    public void setup() {
        FieldRegistry registry = FieldRegistry.wireshark();
        CompiledFilter compiled = new FilterCompiler(registry).compile(filter).orThrow();
        evaluator = compiled.newEvaluator();
        store = new FieldStore(registry);
        SampleFrames.tcpSegment(registry, store, frame.equals("match") ? 25 : 443, 1448);
    }

    @Benchmark
    public boolean evaluate() {
        return evaluator.matches(store, References.NONE);
    }
}
