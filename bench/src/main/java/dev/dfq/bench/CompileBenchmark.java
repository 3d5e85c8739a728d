package dev.dfq.bench;

import dev.dfq.engine.CompileResult;
import dev.dfq.engine.FilterCompiler;
import dev.dfq.fields.FieldRegistry;
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

/** Compile time of representative filters (all filters: {@link CompileLatency}). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class CompileBenchmark {
    @Param({"smtp.response.code == 552",
            "frame contains \"attachment.scr\"",
            "imf.ext.mailer contains \"Outlook\"",
            "smtp.req.parameter matches \"(?i)^from:<[^>]*@paypa1\\\\.example>\"",
            "tcp.port in {25, 465, 587} && ip.src == 10.12.0.0/16 && !(smtp.response.code >= 400)"})
    public String filter;

    private FilterCompiler compiler;

    @Setup
    public void setup() {
        compiler = new FilterCompiler(FieldRegistry.wireshark());
    }

    @Benchmark
    public CompileResult compile() {
        return compiler.compile(filter);
    }
}
