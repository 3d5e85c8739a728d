package dev.dfq.fields.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The cases tshark 4.6.9 showed for samples/corner/s16_escapes.pcap (the text golden checks them all). */
class FormatTextTest {
    private static String of(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return FormatText.of(b, 0, b.length);
    }

    @Test
    void asciiControlsAreCEscapesOrOctal_backslashStays() {
        assertThat(of('\t', 1, 0x1b, 0x7f, '\\')).isEqualTo("\\t\\001\\033\\177\\");
    }

    @Test
    void utf8Kept_brokenSequencesOneReplacementEach() {
        assertThat(of(0xc3, 0xa9)).isEqualTo("é");
        assertThat(of(0xe9, 0x80, 'X')).isEqualTo("\uFFFDX");
        assertThat(of(0xed, 0xa0, 0x80)).isEqualTo("\uFFFD"); // a surrogate
        assertThat(of(0xbf, 0xbf)).isEqualTo("\uFFFD\uFFFD");
        assertThat(of(0xf8, 0x88, 0x80, 0x80, 0x80)).isEqualTo("\uFFFD"); // five bytes, past U+10FFFF
    }

    @Test
    void overlongFormsDecode_nonPrintablesEscaped() {
        assertThat(of(0xc1, 0xbf)).isEqualTo("\\u007F");
        assertThat(of(0xe2, 0x80, 0x8b)).isEqualTo("\\u200B");
        assertThat(of(0xf3, 0xa0, 0x80, 0x81)).isEqualTo("\\U000E0001");
    }
}
