package dev.dfq.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dfq.engine.CompileResult;
import dev.dfq.engine.FilterCompiler;
import dev.dfq.fields.FieldRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Wireshark's error stays first; dfq's suggestion for tutorial pseudo-fields follows. */
class HintsTest {
    private static final FilterCompiler COMPILER = new FilterCompiler(FieldRegistry.wireshark());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "smtp.resp_code == 552|smtp.response.code == 552",
        "smtp.command_code == \"DATA\"|smtp.req.command == \"DATA\"",
        "smtp.helo|smtp.req.command == \"HELO\" || smtp.req.command == \"EHLO\"",
        "smtp.rcpt_to|smtp.req.command == \"RCPT\"",
        "smtp.data_len > 1000|smtp.data.reassembled.length",
        "smtp.flags.push|tcp.flags.push",
        "smtp.auth|smtp.auth.username",
        "smtp.date|imf.date",
        "smtp.quit|smtp.req.command == \"QUIT\"",
        "smtp.to|imf.to",
        "smtp.from|imf.from",
        "smtp.respons.code == 1|smtp.response.code"})
    void compile_pseudoField_keepsWiresharkErrorAndSuggests(String filter, String suggestion) {
        CompileResult r = COMPILER.compile(filter);
        assertThat(r.ok()).isFalse();
        assertThat(r.error().message()).endsWith("is not a valid protocol or protocol field.");
        assertThat(String.join("\n", r.error().hints())).contains(suggestion);
    }
}
