package dev.dfq.cli;

import dev.dfq.engine.CompiledFilter;
import dev.dfq.engine.capture.CaptureReader;
import dev.dfq.engine.query.JsonFormat;
import dev.dfq.engine.query.QueryRunner;
import dev.dfq.fields.FieldRegistry;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Plain {@code -T json} (no -e, -J or -j) writes every layer of every frame. dfq writes it only when
 * it writes each of those layers' trees as tshark does, which only the frames can tell: the capture
 * is read once before the output begins, so that a refusal comes before any output rather than in
 * the middle of a document.
 */
final class PlainJsonCheck {
    static final String NEEDS_FILE = "plain \"-Tjson\" (every layer's tree) needs a capture file, which dfq reads"
            + " first to check that it writes every layer as tshark does; name the protocols with \"-J\"";

    private PlainJsonCheck() {
    }

    /** Whether the command asks for plain -T json. */
    static boolean applies(DfqCommand cmd) {
        return "json".equals(cmd.outputFormat) && cmd.fields.isEmpty() && JsonFormat.names(cmd.jsonProtocols).isEmpty()
                && JsonFormat.names(cmd.jsonItems).isEmpty();
    }

    /** Stops the reading at the first frame with a layer dfq cannot write. */
    private static final class Found extends RuntimeException {
        Found(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Why plain -T json cannot be written as tshark would for this capture and filter, or null: the
     * first shown frame with a layer whose tree dfq does not write. A capture that cannot be read is
     * left to the query itself, which reports it as tshark does.
     */
    static String problem(FieldRegistry registry, CompiledFilter filter, DfqCommand cmd, Preferences preferences, Path file) {
        if (file.toString().equals("-")) {
            return NEEDS_FILE;
        }
        QueryRunner runner = new QueryRunner(registry, filter, null, cmd.maxPackets == null ? 0 : cmd.maxPackets)
                .smtpPrefs(preferences.smtpPrefs()).lowerPrefs(preferences.lowerPrefs());
        if (cmd.twoPass && cmd.selectedFrame != null) {
            runner.selectedFrame(cmd.selectedFrame);
        }
        QueryRunner.Sink sink = (frame, fields) -> {
            String layer = JsonFormat.unsupportedLayer(registry, fields);
            if (layer != null) {
                throw new Found("plain \"-Tjson\" writes every layer, but frame " + fields.frameNumber() + " has "
                        + layer + ", whose tree dfq does not write as tshark does; dfq writes the trees of: "
                        + JsonFormat.supportedTrees() + " (name them with \"-J\")");
            }
        };
        try (CaptureReader reader = CaptureReader.open(file)) {
            QueryCommand.run(runner, reader, file, cmd.twoPass, sink);
        } catch (Found f) {
            return f.getMessage();
        } catch (IOException e) {
            return null; // the frames before the damage were checked; the query reports the damage
        }
        return null;
    }
}
