package dev.dfq.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The top-level {@code dfq} command: tshark's one-shot options with tshark's meanings, plus
 * sub-commands ({@code explain}, {@code fields}).
 */
@Command(name = "dfq", mixinStandardHelpOptions = true, version = "dfq 0.1.0 (Wireshark 4.6.9 display filters)",
        description = "Wireshark 4.6 display filters over packet captures, for email forensics.",
        subcommands = {ExplainCommand.class, FieldsCommand.class},
        sortOptions = false)
public final class DfqCommand implements Callable<Integer> {
    final PrintWriter out;
    final PrintWriter err;

    @Option(names = "-r", paramLabel = "FILE", description = "Read packets from FILE (pcap or pcapng, plain or gzipped; - for standard input).")
    Path readFile;

    @Option(names = {"-Y", "--display-filter"}, paramLabel = "FILTER", description = "Show only the packets that match this display filter.")
    String displayFilter;

    @Option(names = {"-R", "--read-filter"}, paramLabel = "FILTER", description = "Read filter, applied in the second pass (needs -2).")
    String readFilter;

    @Option(names = "-2", description = "Two passes: fields that need later frames (smtp.data.reassembled.in) are known.")
    boolean twoPass;

    @Option(names = "--selected-frame", paramLabel = "N", description = "Field references ($f) take their values from frame N (with -2).")
    Integer selectedFrame;

    @Option(names = "-c", paramLabel = "N", description = "Read at most N packets, as tshark's -c.")
    Long maxPackets;

    @Option(names = "--count", description = "Print only the number of matching packets.")
    boolean countOnly;

    @Option(names = "-w", paramLabel = "OUTFILE", description = "Write the matching packets to OUTFILE (pcap, or pcapng by extension).")
    Path writeFile;

    @Option(names = "-T", paramLabel = "FORMAT", description = "Output format: text, fields, json, ek.")
    String outputFormat;

    @Option(names = "-e", paramLabel = "FIELD", description = "A field to print with -T fields (repeatable).")
    List<String> fields = new ArrayList<>();

    @Option(names = "-J", paramLabel = "PROTOCOLS", description = "With -T json and no -e: the protocols whose whole tree to print (space-separated; supported: frame null sll ip), as tshark's -J.")
    String jsonProtocols;

    @Option(names = "-j", paramLabel = "NAMES", description = "With -T json and no -e: protocols and items whose own items to print (space-separated), as tshark's -j.")
    String jsonItems;

    @Option(names = "--no-duplicate-keys", description = "With -T json trees: items of the same name as one member holding an array, as tshark's option.")
    boolean noDuplicateKeys;

    @Option(names = "-E", paramLabel = "OPTION", description = "Field output options: header=y|n, separator=/t|/s|C, occurrence=f|l|a, aggregator=,|/s|C, quote=d|s|n.")
    List<String> fieldOptions = new ArrayList<>();

    /** -n, -N and -o nameres.*, applied in command-line order (picocli calls the setters as it meets them). */
    final NameResolution names = new NameResolution();

    @Option(names = "-n", description = "No name resolution (by default MAC addresses are shown with vendor and well-known names, as tshark).")
    void noNameResolution(boolean[] given) {
        names.disableAll();
    }

    @Option(names = "-N", paramLabel = "FLAGS", description = "Resolve exactly these names: m MAC addresses, t TCP/UDP ports; n, N, d, s, v, g are accepted as tshark does (no effect without hosts, DNS, vlans or GeoIP files).")
    void nameResolutionFlags(List<String> all) {
        if (!all.isEmpty()) {
            names.flags(all.get(all.size() - 1));
        }
    }

    @Option(names = "-t", paramLabel = "FORMAT", description = "Time column format: a, ad, adoy, d, dd, e, r, u, ud, udoy.")
    String timeFormat;

    List<String> prefs = new ArrayList<>();

    @Option(names = "-o", paramLabel = "PREF:VALUE", description = "Set a Wireshark preference (e.g. smtp.decryption:TRUE, tcp.check_checksum:TRUE, tcp.relative_sequence_numbers:FALSE, ip.defragment:FALSE, nameres.mac_name:FALSE).")
    void preference(List<String> all) {
        prefs = all;
        if (!all.isEmpty()) {
            names.preference(all.get(all.size() - 1));
        }
    }

    @Option(names = "-d", paramLabel = "LAYER==VALUE,PROTO", description = "Decode as, e.g. tcp.port==2525,smtp.")
    List<String> decodeAs = new ArrayList<>();

    @Option(names = "-G", paramLabel = "REPORT", description = "Print a report as tshark -G: fields, protocols, values (the registry), manuf, services (the name tables).")
    String glossary;

    @Option(names = "-i", paramLabel = "IFACE", description = "Capture live from this interface.")
    String iface;

    @Option(names = "-f", paramLabel = "CAPTURE FILTER", description = "Capture filter (BPF) for -i.")
    String captureFilter;

    @Option(names = "-a", paramLabel = "COND", description = "Stop condition for -i: duration:SECONDS or packets:N.")
    List<String> autostop = new ArrayList<>();

    @Option(names = "--macros", paramLabel = "FILE", description = "Display-filter macros file (Wireshark dmacros format).")
    Path macros;

    @Option(names = "--export-objects", paramLabel = "imf,DIR", description = "Write each mail message (IMF) as DIR/<subject>.eml, as tshark does.")
    String exportObjects;

    @Option(names = "--export-attachments", paramLabel = "DIR", description = "Write every mail attachment, decoded, to DIR, with DIR/manifest.json.")
    Path exportAttachments;

    DfqCommand(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        if (glossary != null) {
            return new Glossary(out, err).print(glossary);
        }
        if (names.badLetter() != 0) {
            err.println("dfq: -N specifies unknown resolving option '" + names.badLetter() + "'; valid options are:");
            err.println(NameResolution.VALID_OPTIONS);
            return ExitCodes.INVALID_OPTION;
        }
        Preferences preferences = new Preferences(names.mac());
        for (String p : prefs) {
            String error = preferences.set(p);
            if (error != null) {
                err.println("dfq: " + error);
                return ExitCodes.INVALID_OPTION;
            }
        }
        for (String d : decodeAs) {
            String error = preferences.decodeAs(d);
            if (error != null) {
                err.println("dfq: " + error);
                return ExitCodes.INVALID_OPTION;
            }
        }
        if (readFile == null && iface == null) {
            out.println("Usage: dfq -r FILE [-Y FILTER] [-T fields -e FIELD...] [-c N] [-w OUT]");
            out.println("       dfq explain FILTER | dfq fields WORDS | dfq --help");
            return ExitCodes.OK;
        }
        return new QueryCommand(this, preferences).run();
    }
}
