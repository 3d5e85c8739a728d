package dev.dfq.engine;

import dev.dfq.fields.FieldStore;

/**
 * A compiled display filter: immutable, shareable between threads. Evaluate with
 * {@link #newEvaluator()} (one per thread, allocation-free per frame) or {@link #matches}.
 */
public interface CompiledFilter {
    /** The filter text as compiled (after macro expansion). */
    String text();

    /** A reusable evaluator; not thread-safe. */
    Evaluator newEvaluator();

    /** Convenience: evaluates on one frame with a fresh evaluator. */
    default boolean matches(FieldStore frame) {
        return newEvaluator().matches(frame, References.NONE);
    }

    /** Field ids the program reads from frames: dissection needs to produce only these. */
    int[] interestingFields();

    /** Field ids read through field references ($f), to be captured from the selected frame. */
    int[] referencedFields();

    /** Syntax tree and instructions in Wireshark 4.6's dftest format. */
    String dftest();

    /** One frame at a time. */
    interface Evaluator {
        boolean matches(FieldStore frame, References references);
    }
}
