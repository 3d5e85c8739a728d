package dev.dfq.fields.dissect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ChecksumsTest {
    /** The IPv4 header of RFC 1071's usual worked example, whose checksum is 0xB861. */
    private static final byte[] HEADER = HexFormat.of().parseHex("450000730000400040114b61c0a80001c0a800c7");

    @Test
    void goodHeaderSumsToAllOnes_andShouldBeIsTheFieldItself() {
        byte[] h = HEADER.clone();
        h[10] = (byte) 0xb8;
        h[11] = 0x61;
        long sum = Checksums.sum(h, 0, h.length, 0);
        assertThat(Checksums.fold(sum)).isEqualTo(0xffff);
        assertThat(Checksums.shouldBe(sum, 0xb861)).isEqualTo(0xb861);
    }

    @Test
    void badHeader_shouldBeNamesTheRightValue() {
        byte[] h = HEADER.clone(); // checksum field 0x4b61: wrong
        long sum = Checksums.sum(h, 0, h.length, 0);
        assertThat(Checksums.fold(sum)).isNotEqualTo(0xffff);
        assertThat(Checksums.shouldBe(sum, 0x4b61)).isEqualTo(0xb861);
    }

    @Test
    void oddLengthIsPaddedWithZero() {
        byte[] odd = {0x01, 0x02, 0x03};
        assertThat(Checksums.fold(Checksums.sum(odd, 0, 3, 0))).isEqualTo(0x0102 + 0x0300);
    }
}
