package dev.dfq.fields;

/**
 * Measures what the CLI pays per run: loading the bundled registry in a fresh JVM, the first lookups,
 * the first value-string access and the heap kept. Run: {@code java -cp fields/target/classes:fields/target/test-classes
 * dev.dfq.fields.RegistryLoadBenchmark}.
 */
public final class RegistryLoadBenchmark {
    private RegistryLoadBenchmark() {
    }

    public static void main(String[] args) {
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        long t0 = System.nanoTime();
        FieldRegistry reg = FieldRegistry.wireshark();
        long t1 = System.nanoTime();
        FieldDef port = reg.byName("tcp.port").orElseThrow();
        reg.byName("ip.src").orElseThrow();
        long t2 = System.nanoTime();
        ValueStrings vs = reg.valueStrings(reg.byName("ip.proto").orElseThrow());
        long t3 = System.nanoTime();
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long used = rt.totalMemory() - rt.freeMemory();
        System.out.printf("load %.1f ms (resources %.1f ms), first lookups %.1f ms, first value strings %.1f ms; "
                        + "heap after GC %.1f MB; %d entries; %s %s; JVM up %d ms%n",
                (t1 - t0) / 1e6, BundledRegistry.lastLoadNanos / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6,
                used / 1048576.0, reg.size(), port.type(), vs.lookup(6),
                System.currentTimeMillis() - jvmStart);
    }
}
