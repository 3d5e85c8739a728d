package dev.dfq.cli;

/** dfq's command line entry point. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.err.println("dfq: not built yet");
        System.exit(1);
    }
}
