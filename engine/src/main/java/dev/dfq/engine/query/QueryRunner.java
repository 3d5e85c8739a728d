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
    private dev.dfq.fields.dissect.LowerPrefs lowerPrefs = dev.dfq.fields.dissect.LowerPrefs.defaults();

    private Columns columns;

    /**
     * The columns whose text the {@code _ws.col.*} fields hold (the CLI's, with its -t format); by
     * default tshark's default columns.
     */
    public QueryRunner columns(Columns columns) {
        this.columns = columns;
        return this;
    }

    /** The TCP/IP/UDP preferences (relative sequence numbers, checksum checks). */
    public QueryRunner lowerPrefs(dev.dfq.fields.dissect.LowerPrefs prefs) {
        this.lowerPrefs = prefs;
        return this;
    }

    public QueryRunner smtpPrefs(dev.dfq.fields.mail.SmtpPrefs prefs) {
        this.smtpPrefs = prefs;
        return this;
    }

    /** Protocol column the mail dissectors set for the frame being handed to the sink, or null. */
    public String mailProtocolColumn() {
        return dissector == null ? null : dissector.mailProtocolColumn();
    }

    /** The frame of "[TCP PDU reassembled in N]" for the frame being handed to the sink, or 0. */
    public int pduReassembledIn() {
        return dissector == null ? 0 : dissector.pduReassembledIn();
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

    private PacketDissector.TwoPass twoPass;
    private int selectedFrame;
    private References references = References.NONE;

    /** tshark's --selected-frame: field references ($f) read frame N's values (found in the first pass). */
    public QueryRunner selectedFrame(int frameNumber) {
        this.selectedFrame = frameNumber;
        return this;
    }

    /**
     * Two passes, as tshark -2: {@code firstPass} is read once to the end with no output, then the
     * query runs over {@code reader}, the same capture opened again, knowing what later frames said.
     */
    public long runTwoPass(CaptureReader firstPass, CaptureReader reader, Sink sink) throws IOException {
        FieldStore[] selected = {null};
        int[] referenced = filter == null ? new int[0] : filter.referencedFields();
        int[] firstFields = outputFields == null ? null
                : IntStream.concat(Arrays.stream(outputFields), Arrays.stream(referenced)).toArray();
        // both passes share the mail dissector, so it adds what either pass reads
        int[] bothPasses = firstFields == null ? null : IntStream.concat(Arrays.stream(firstFields),
                filter == null ? IntStream.empty() : Arrays.stream(filter.interestingFields())).distinct().toArray();
        twoPass = new PacketDissector.TwoPass(registry, smtpPrefs, bothPasses);
        Session first = start((f, s) -> {
            if (selectedFrame > 0 && f.number() == selectedFrame) {
                selected[0] = s.snapshot();
            }
        }, firstPass.format() == dev.dfq.engine.capture.CaptureFormat.PCAPNG, null, firstFields);
        Frame frame = new Frame();
        while (firstPass.next(frame)) {
            first.accept(frame);
        }
        references = selected[0] == null ? References.NONE : References.of(selected[0]);
        long n = run(reader, sink);
        twoPass = null;
        references = References.NONE;
        return n;
    }

    /** Runs to the end (or the frame limit); returns the number of matching frames. */
    public long run(CaptureReader reader, Sink sink) throws IOException {
        Session session = start(sink, reader.format() == dev.dfq.engine.capture.CaptureFormat.PCAPNG);
        Frame frame = new Frame();
        while ((maxFrames <= 0 || session.read < maxFrames) && reader.next(frame)) {
            session.accept(frame);
        }
        return session.matched;
    }

    /**
     * Starts processing frames one at a time (for live capture); {@code interfaceIds} says whether
     * frame.interface_id is shown (pcapng and live capture), as tshark does.
     */
    public Session start(Sink sink, boolean interfaceIds) {
        return start(sink, interfaceIds, filter, outputFields);
    }

    private Session start(Sink sink, boolean interfaceIds, CompiledFilter useFilter, int[] output) {
        int[] needed = null;
        if (output != null) {
            IntStream filterFields = filter == null ? IntStream.empty() : Arrays.stream(filter.interestingFields());
            needed = IntStream.concat(filterFields, Arrays.stream(output)).distinct().toArray();
        }
        int[] read = IntStream.concat(filter == null ? IntStream.empty() : Arrays.stream(filter.interestingFields()),
                output == null ? IntStream.empty() : Arrays.stream(output)).toArray();
        ColumnFields columnFields = ColumnFields.of(registry, read);
        if (columnFields != null) {
            if (columns == null) {
                columns = new Columns(registry);
            }
            if (needed != null) {
                needed = IntStream.concat(Arrays.stream(needed), Arrays.stream(columns.fields())).distinct().toArray();
            }
        }
        PacketDissector d = new PacketDissector(registry, needed, smtpPrefs, twoPass, lowerPrefs);
        this.dissector = d;
        return new Session(d, useFilter == null ? null : useFilter.newEvaluator(), sink, interfaceIds, columnFields);
    }

    /** One pass over frames: dissect, evaluate, hand matches to the sink. Not thread-safe. */
    public final class Session {
        private final PacketDissector dissector;
        private final CompiledFilter.Evaluator evaluator;
        private final Sink sink;
        private final boolean interfaceIds;
        private final FieldStore store = new FieldStore(registry);
        private final FrameInfo info = new FrameInfo();
        private long read;
        private long matched;

        private final ColumnFields columnFields;

        Session(PacketDissector dissector, CompiledFilter.Evaluator evaluator, Sink sink, boolean interfaceIds,
                ColumnFields columnFields) {
            this.dissector = dissector;
            this.columnFields = columnFields;
            this.evaluator = evaluator;
            this.sink = sink;
            this.interfaceIds = interfaceIds;
        }

        public void accept(Frame frame) throws IOException {
            read++;
            info.set((int) frame.number(), frame.timestampNanos(), frame.data(), frame.dataOffset(), frame.caplen(),
                    (long) frame.originalLength(), frame.linkType(), interfaceIds ? frame.interfaceId() : -1);
            dissector.dissect(info, store);
            if (columnFields != null) {
                columnFields.add(store, columns.cells(store, dissector.mailProtocolColumn(), dissector.mailInfoColumn(),
                        dissector.pduReassembledIn(), false));
            }
            if (evaluator == null || evaluator.matches(store, references)) {
                matched++;
                info.previousDisplayedNanos = info.timeNanos;
                sink.accept(frame, store);
            }
        }

        public long matched() {
            return matched;
        }
    }
}
