package dev.dfq.engine.query;

import dev.dfq.engine.CompiledFilter;
import dev.dfq.engine.References;
import dev.dfq.engine.capture.CaptureReader;
import dev.dfq.engine.capture.Frame;
import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldStore;
import dev.dfq.fields.dissect.FrameInfo;
import dev.dfq.fields.dissect.PacketDissector;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Reads a capture once, dissects each frame only as deep as the filter and the output need, and
 * hands every matching frame to a sink. Stops after {@code maxFrames} frames read (tshark's -c).
 */
public final class QueryRunner {
    /** Receives matching frames; the store and frame are valid only during the call. */
    @FunctionalInterface
    public interface Sink {
        void accept(Frame frame, FieldStore fields) throws IOException;
    }

    private final FieldRegistry registry;
    private final CompiledFilter filter;
    private final int[] outputFields;
    private final long maxFrames;
    private dev.dfq.fields.mail.SmtpPrefs smtpPrefs = dev.dfq.fields.mail.SmtpPrefs.defaults();
    private PacketDissector dissector;

    /** SMTP preferences (-o smtp.decryption:TRUE, smtp.tcp.port, desegmentation). */
    public QueryRunner smtpPrefs(dev.dfq.fields.mail.SmtpPrefs prefs) {
        this.smtpPrefs = prefs;
        return this;
    }

    /** Protocol column the mail dissectors set for the frame being handed to the sink, or null. */
    public String mailProtocolColumn() {
        return dissector == null ? null : dissector.mailProtocolColumn();
    }

    /** Info column the mail dissectors set for the frame being handed to the sink, or null. */
    public String mailInfoColumn() {
        return dissector == null ? null : dissector.mailInfoColumn();
    }

    /**
     * @param filter null to match every frame
     * @param outputFields fields the output prints (dissection must produce them); null for all
     */
    public QueryRunner(FieldRegistry registry, CompiledFilter filter, int[] outputFields, long maxFrames) {
        this.registry = registry;
        this.filter = filter;
        this.outputFields = outputFields;
        this.maxFrames = maxFrames;
    }

    /** Runs to the end (or the frame limit); returns the number of matching frames. */
    public long run(CaptureReader reader, Sink sink) throws IOException {
        int[] needed = null;
        if (outputFields != null) {
            IntStream filterFields = filter == null ? IntStream.empty() : Arrays.stream(filter.interestingFields());
            needed = IntStream.concat(filterFields, Arrays.stream(outputFields)).distinct().toArray();
        }
        PacketDissector dissector = new PacketDissector(registry, needed, smtpPrefs);
        this.dissector = dissector;
        CompiledFilter.Evaluator evaluator = filter == null ? null : filter.newEvaluator();
        FieldStore store = new FieldStore(registry);
        FrameInfo info = new FrameInfo();
        Frame frame = new Frame();
        long read = 0;
        long matched = 0;
        boolean pcapng = reader.format() == dev.dfq.engine.capture.CaptureFormat.PCAPNG;
        while ((maxFrames <= 0 || read < maxFrames) && reader.next(frame)) {
            read++;
            info.set((int) frame.number(), frame.timestampNanos(), frame.data(), frame.dataOffset(), frame.caplen(),
                    (long) frame.originalLength(), frame.linkType(), pcapng ? frame.interfaceId() : -1);
            dissector.dissect(info, store);
            if (evaluator == null || evaluator.matches(store, References.NONE)) {
                matched++;
                sink.accept(frame, store);
            }
        }
        return matched;
    }
}
