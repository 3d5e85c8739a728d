package dev.dfq.cli;

import dev.dfq.engine.CompileResult;
import dev.dfq.engine.CompiledFilter;
import dev.dfq.engine.DiagnosticRenderer;
import dev.dfq.engine.FilterCompiler;
import dev.dfq.engine.capture.CaptureFormat;
import dev.dfq.engine.capture.CaptureFormatException;
import dev.dfq.engine.capture.CaptureReader;
import dev.dfq.engine.capture.CaptureWriter;
import dev.dfq.engine.capture.TsharkText;
import dev.dfq.engine.query.Columns;
import dev.dfq.engine.query.FieldsFormat;
import dev.dfq.engine.query.JsonFormat;
import dev.dfq.engine.query.QueryRunner;
import dev.dfq.fields.FieldDef;
import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The one-shot tshark-like mode: {@code dfq -r FILE [-Y FILTER] [-T fields -e F ...] [--count] [-w OUT]}. */
final class QueryCommand {
    private final DfqCommand cmd;
    private final Preferences preferences;

    QueryCommand(DfqCommand cmd, Preferences preferences) {
        this.cmd = cmd;
        this.preferences = preferences;
    }

    int run() throws IOException {
        PrintWriter out = cmd.out;
        PrintWriter err = cmd.err;
        FieldRegistry registry = FieldRegistry.wireshark();
        CompiledFilter filter = null;
        String text = cmd.displayFilter != null ? cmd.displayFilter : cmd.readFilter;
        if (text != null && !text.isBlank()) {
            FilterCompiler compiler = new FilterCompiler(registry, MacroFiles.load(cmd.macros, err));
            CompileResult result = compiler.compile(text);
            if (!result.ok()) {
                err.print(DiagnosticRenderer.renderLikeTshark(result.expandedText(), result.error()));
                for (String hint : result.error().hints()) {
                    err.println(hint);
                }
                for (String hint : dev.dfq.engine.compile.Hints.didYouMean(result.error().message(), registry)) {
                    err.println(hint);
                }
                err.flush();
                return ExitCodes.INVALID_FILTER;
            }
            filter = result.filter();
            for (dev.dfq.engine.Diagnostic w : result.warnings()) {
                if (w.message().startsWith("dfq does not dissect")) {
                    err.println("dfq: warning: " + w.message());
                }
            }
        }
        FieldsFormat fieldOutput = null;
        JsonFormat jsonOutput = null;
        Columns columns = null;
        int[] outputFields;
        boolean fieldsMode = "fields".equals(cmd.outputFormat);
        boolean jsonMode = "json".equals(cmd.outputFormat) || "ek".equals(cmd.outputFormat);
        if (cmd.outputFormat != null && !fieldsMode && !jsonMode && !"text".equals(cmd.outputFormat)) {
            err.println("dfq: Invalid -T parameter \"" + cmd.outputFormat + "\"; valid here: text, fields, json, ek");
            return ExitCodes.INVALID_OPTION;
        }
        if (jsonMode && cmd.fields.isEmpty()) {
            java.util.Set<String> withAll = JsonFormat.names(cmd.jsonProtocols);
            java.util.Set<String> alone = JsonFormat.names(cmd.jsonItems);
            String problem = JsonFormat.treeProblem(registry, "ek".equals(cmd.outputFormat), withAll, alone);
            if (problem != null) {
                err.println("dfq: " + problem);
                return ExitCodes.INVALID_OPTION;
            }
            jsonOutput = JsonFormat.tree(registry, withAll, alone, cmd.noDuplicateKeys, java.time.ZoneId.systemDefault(), out);
            outputFields = null;
        } else if (fieldsMode || jsonMode) {
            if (cmd.fields.isEmpty()) {
                err.println("dfq: \"-Tfields\" was specified, but no fields were specified with \"-e\".");
                return ExitCodes.INVALID_OPTION;
            }
            List<FieldDef> defs = new ArrayList<>();
            for (String name : cmd.fields) {
                FieldDef d = registry.resolve(name).orElse(null);
                if (d == null) {
                    err.println("dfq: Some fields aren't valid:");
                    err.println("\t" + name);
                    return ExitCodes.INVALID_OPTION;
                }
                defs.add(d);
            }
            if (jsonMode) {
                jsonOutput = JsonFormat.fields("ek".equals(cmd.outputFormat), defs, cmd.fieldOptions, cmd.names.transport(),
                        java.time.ZoneId.systemDefault(), out);
            } else {
                fieldOutput = new FieldsFormat(defs, cmd.fieldOptions).portNames(cmd.names.transport());
            }
            outputFields = FieldsFormat.neededFields(registry, defs);
        } else if (cmd.countOnly || cmd.writeFile != null || cmd.exportObjects != null || cmd.exportAttachments != null) {
            outputFields = new int[0];
        } else {
            columns = new Columns(registry).names(cmd.names.mac(), cmd.names.transport());
            if (cmd.timeFormat != null) {
                if (!Columns.TIME_FORMATS.contains(cmd.timeFormat)) {
                    err.println("dfq: Invalid time stamp type \"" + cmd.timeFormat + "\"; it must be one of a, ad, adoy, d, dd, e, r, u, ud, udoy");
                    return ExitCodes.INVALID_OPTION;
                }
                columns.timeFormat(cmd.timeFormat);
            }
            outputFields = columns.fields();
        }
        if (cmd.iface != null) {
            if (PlainJsonCheck.applies(cmd)) {
                err.println("dfq: " + PlainJsonCheck.NEEDS_FILE);
                return ExitCodes.INVALID_OPTION;
            }
            return live(registry, filter, outputFields, fieldOutput, columns, jsonOutput);
        }
        dev.dfq.engine.query.ImfExport export = null;
        if (cmd.exportObjects != null) {
            int comma = cmd.exportObjects.indexOf(',');
            String proto = comma < 0 ? cmd.exportObjects : cmd.exportObjects.substring(0, comma);
            if (comma < 0 || !proto.equals("imf")) {
                err.println("dfq: \"--export-objects\" supports imf (mail messages): --export-objects imf,DIR");
                return ExitCodes.INVALID_OPTION;
            }
            export = new dev.dfq.engine.query.ImfExport(registry, Path.of(cmd.exportObjects.substring(comma + 1)));
            outputFields = withFields(outputFields, export.fields());
        }
        dev.dfq.engine.query.ImfExport exporter = export;
        dev.dfq.engine.query.AttachmentExport attachments = null;
        if (cmd.exportAttachments != null) {
            attachments = new dev.dfq.engine.query.AttachmentExport(registry, cmd.exportAttachments);
            outputFields = withFields(outputFields, attachments.fields());
        }
        dev.dfq.engine.query.AttachmentExport attach = attachments;
        Path file = cmd.readFile;
        String name = file.toString();
        if (PlainJsonCheck.applies(cmd)) {
            String problem = PlainJsonCheck.problem(registry, filter, cmd, preferences, file);
            if (problem != null) {
                err.println("dfq: " + problem);
                return ExitCodes.INVALID_OPTION;
            }
        }
        QueryRunner runner = new QueryRunner(registry, filter, outputFields, cmd.maxPackets == null ? 0 : cmd.maxPackets)
                .smtpPrefs(preferences.smtpPrefs()).lowerPrefs(preferences.lowerPrefs())
                .columns(columnsForFields(registry, columns));
        if (cmd.selectedFrame != null) {
            if (!cmd.twoPass) {
                err.println("dfq: --selected-frame requires two-pass analysis (-2), as in tshark");
                return ExitCodes.INVALID_OPTION;
            }
            runner.selectedFrame(cmd.selectedFrame);
        }
        CaptureWriter writer = null;
        long[] count = {0};
        try (CaptureReader reader = CaptureReader.open(file)) {
            if (cmd.writeFile != null) {
                writer = CaptureWriter.open(cmd.writeFile, CaptureFormat.forFileName(cmd.writeFile), reader.interfaces());
            }
            CaptureWriter w = writer;
            FieldsFormat fo = fieldOutput;
            JsonFormat json = jsonOutput;
            Columns cols = columns;
            if (fo != null && fo.header()) {
                out.println(fo.headerLine());
            }
            if (json != null && !cmd.countOnly && cmd.writeFile == null) {
                json.begin();
            }
            QueryRunner.Sink sink = (frame, fields) -> {
                count[0]++;
                if (exporter != null) {
                    exporter.accept(fields);
                }
                if (attach != null) {
                    attach.accept(fields);
                }
                if ((exporter != null || attach != null) && !cmd.countOnly && fo == null && json == null && w == null) {
                    return;
                }
                if (w != null) {
                    w.write(frame);
                } else if (cmd.countOnly) {
                    return;
                } else if (fo != null) {
                    out.println(fo.line(fields));
                } else if (json != null) {
                    json.frame(frame.timestampNanos(), fields);
                } else {
                    out.println(cols.line(fields, runner.mailProtocolColumn(), runner.mailInfoColumn(),
                            runner.pduReassembledIn()));
                }
            };
            run(runner, reader, file, cmd.twoPass, sink);
        } catch (CaptureFormatException e) {
            endJson(jsonOutput);
            finish(writer, count[0]);
            out.flush();
            err.println(asDfq(e.tsharkMessage(name)));
            return e.tsharkExitCode();
        } catch (IOException e) {
            endJson(jsonOutput);
            finish(writer, count[0]);
            out.flush();
            err.println(asDfq(TsharkText.message(name, e)));
            return TsharkText.exitCode(e);
        }
        endJson(jsonOutput);
        finish(writer, count[0]);
        if (attach != null) {
            Manifest.write(cmd.exportAttachments.resolve("manifest.json"), attach.entries());
        }
        out.flush();
        if (count[0] == 0 && text != null) {
            caseHint(registry, text, file);
        }
        return ExitCodes.OK;
    }

    /** Runs the query over an open capture: once, or (-2) first over a second reading of the file. */
    static void run(QueryRunner runner, CaptureReader reader, Path file, boolean twoPass, QueryRunner.Sink sink)
            throws IOException {
        if (twoPass) {
            try (CaptureReader again = CaptureReader.open(file)) {
                runner.runTwoPass(reader, again, sink);
            }
        } else {
            runner.run(reader, sink);
        }
    }

    /** The columns the _ws.col.* fields are made from: the text output's, else tshark's with this -t format. */
    private Columns columnsForFields(FieldRegistry registry, Columns textColumns) {
        if (textColumns != null) {
            return textColumns;
        }
        Columns c = new Columns(registry).names(cmd.names.mac(), cmd.names.transport());
        if (cmd.timeFormat != null && Columns.TIME_FORMATS.contains(cmd.timeFormat)) {
            c.timeFormat(cmd.timeFormat);
        }
        return c;
    }

    /**
     * Nothing matched: if the filter compares with a quoted string, try it in the other case. String
     * comparisons are case-sensitive in Wireshark ({@code smtp.req.command == "RCPT"} misses a client
     * that sends "rcpt"), a classic reason for an empty answer.
     */
    private void caseHint(FieldRegistry registry, String text, Path file) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"\\\\]*[A-Za-z][^\"\\\\]*)\"").matcher(text);
        FilterCompiler compiler = new FilterCompiler(registry);
        int tried = 0;
        while (m.find() && tried++ < 3) {
            String lit = m.group(1);
            for (String variant : new String[] {lit.toLowerCase(java.util.Locale.ROOT), lit.toUpperCase(java.util.Locale.ROOT)}) {
                if (variant.equals(lit)) {
                    continue;
                }
                String alt = text.substring(0, m.start(1)) + variant + text.substring(m.end(1));
                CompileResult r = compiler.compile(alt);
                if (!r.ok()) {
                    continue;
                }
                long[] n = {0};
                try (CaptureReader reader = CaptureReader.open(file)) {
                    // the same frames the query read: with -c N, no more than N
                    new QueryRunner(registry, r.filter(), new int[0], cmd.maxPackets == null ? 0 : cmd.maxPackets)
                            .smtpPrefs(preferences.smtpPrefs()).lowerPrefs(preferences.lowerPrefs())
                            .run(reader, (f, fields) -> n[0]++);
                } catch (IOException e) {
                    return;
                }
                if (n[0] > 0) {
                    cmd.err.println("dfq: hint: no packet matches, but " + n[0] + " would with \"" + variant
                            + "\": string comparisons are case-sensitive (try lower(...) or matches \"(?i)...\")");
                    return;
                }
            }
        }
    }

    /** -i IFACE [-f BPF] [-c N] [-a duration:S|packets:N]: live capture through libpcap. */
    private int live(FieldRegistry registry, CompiledFilter filter, int[] outputFields, FieldsFormat fo, Columns cols,
                     JsonFormat json) throws IOException {
        dev.dfq.engine.capture.LiveCapture capture = dev.dfq.engine.capture.LiveCapture.on(cmd.iface);
        if (cmd.captureFilter != null) {
            capture.filter(cmd.captureFilter);
        }
        long packets = cmd.maxPackets == null ? 0 : cmd.maxPackets;
        for (String a : cmd.autostop) {
            int colon = a.indexOf(':');
            String k = colon < 0 ? a : a.substring(0, colon);
            String v = colon < 0 ? "" : a.substring(colon + 1);
            try {
                switch (k) {
                    case "duration" -> capture.duration(java.time.Duration.ofMillis((long) (Double.parseDouble(v) * 1000)));
                    case "packets" -> packets = Long.parseLong(v);
                    default -> {
                        cmd.err.println("dfq: Invalid or unknown -a flag \"" + a + "\"");
                        return ExitCodes.INVALID_OPTION;
                    }
                }
            } catch (NumberFormatException e) {
                cmd.err.println("dfq: Invalid or unknown -a flag \"" + a + "\"");
                return ExitCodes.INVALID_OPTION;
            }
        }
        if (packets > 0) {
            capture.count(packets);
        }
        QueryRunner runner = new QueryRunner(registry, filter, outputFields, 0).smtpPrefs(preferences.smtpPrefs())
                .lowerPrefs(preferences.lowerPrefs()).columns(columnsForFields(registry, cols));
        PrintWriter out = cmd.out;
        QueryRunner.Session session = runner.start((frame, fields) -> {
            if (cmd.countOnly) {
                return;
            }
            if (json != null) {
                json.frame(frame.timestampNanos(), fields);
            } else {
                out.println(fo != null ? fo.line(fields) : cols.line(fields, runner.mailProtocolColumn(), runner.mailInfoColumn(),
                        runner.pduReassembledIn()));
            }
            out.flush();
        }, true);
        if (json != null && !cmd.countOnly) {
            json.begin();
        }
        try {
            capture.run(session::accept);
        } catch (IOException e) {
            endJson(json);
            out.flush();
            cmd.err.println("dfq: " + e.getMessage());
            return ExitCodes.INVALID_INTERFACE;
        }
        endJson(json);
        if (cmd.countOnly) {
            out.println(session.matched());
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** tshark's wording, under dfq's name. */
    private static String asDfq(String tsharkMessage) {
        return tsharkMessage.replaceFirst("^tshark: ", "dfq: ").replace("TShark", "dfq");
    }

    /** The fields to dissect plus an exporter's; null (everything) stays null. */
    private static int[] withFields(int[] outputFields, int[] more) {
        return outputFields == null ? null
                : java.util.stream.IntStream.concat(java.util.Arrays.stream(outputFields), java.util.Arrays.stream(more)).toArray();
    }

    /** A damaged capture still leaves closed JSON for the frames read before the damage, as tshark does. */
    private static void endJson(JsonFormat json) {
        if (json != null) {
            json.end();
        }
    }

    private void finish(CaptureWriter writer, long matched) throws IOException {
        if (writer != null) {
            writer.close();
        }
        if (cmd.countOnly) {
            cmd.out.println(matched);
        }
    }
}
