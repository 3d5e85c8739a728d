package dev.dfq.fields.dissect;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Conversations between two addresses, either way, numbered in the order they first appear (ipv6.stream). */
final class AddressPairs {
    private final int size;
    private final Map<ByteBuffer, Integer> index = new HashMap<>();

    AddressPairs(int addressSize) {
        this.size = addressSize;
    }

    /** The index of the conversation between the addresses at {@code a} and {@code b} of {@code d}. */
    int index(byte[] d, int a, int b) {
        boolean swap = Arrays.compareUnsigned(d, a, a + size, d, b, b + size) > 0;
        byte[] key = new byte[2 * size];
        System.arraycopy(d, swap ? b : a, key, 0, size);
        System.arraycopy(d, swap ? a : b, key, size, size);
        return index.computeIfAbsent(ByteBuffer.wrap(key), k -> index.size());
    }
}
