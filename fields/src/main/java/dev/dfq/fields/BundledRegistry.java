package dev.dfq.fields;

/** Loads the Wireshark 4.6.9 registry from the resource generated from {@code -G fields/values}. */
final class BundledRegistry {
    private BundledRegistry() {
    }

    static FieldRegistry load() {
        throw new UnsupportedOperationException("bundled registry not generated yet");
    }
}
