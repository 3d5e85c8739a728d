package dev.dfq.grammar;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs a recursive computation (parsing, checking a long chain of {@code or}s) on the caller's
 * stack, and once more on a thread with a large stack if the first attempt overflows, so that a
 * filter of thousands of terms works while a hostile one still ends in a clear error.
 */
public final class BigStack {
    private static final long STACK_BYTES = 1L << 30;

    private BigStack() {
    }

    /** The result, or {@code onOverflow}'s when even the large stack is not enough. */
    public static <T> T call(Supplier<T> work, Supplier<T> onOverflow) {
        try {
            return work.get();
        } catch (StackOverflowError first) {
            AtomicReference<T> result = new AtomicReference<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread t = new Thread(null, () -> {
                try {
                    result.set(work.get());
                } catch (StackOverflowError e) {
                    result.set(onOverflow.get());
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, "dfq-big-stack", STACK_BYTES);
            t.start();
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return onOverflow.get();
            }
            if (failure.get() instanceof RuntimeException re) {
                throw re;
            }
            if (failure.get() instanceof Error err) {
                throw err;
            }
            return result.get();
        }
    }
}
