package dev.dfq.cli;

import dev.dfq.fields.FieldDef;
import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldSearch;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code dfq fields PATTERN}: find field names by words of their name or abbreviation. */
@Command(name = "fields", mixinStandardHelpOptions = true,
        description = "Search Wireshark 4.6 field names and display names, e.g. 'dfq fields response code'.")
final class FieldsCommand implements Callable<Integer> {
    @ParentCommand
    DfqCommand parent;

    @Option(names = {"-n", "--limit"}, defaultValue = "25", description = "At most this many results (default ${DEFAULT-VALUE}).")
    int limit;

    @Parameters(arity = "1..*", paramLabel = "WORD")
    List<String> words;

    @Override
    public Integer call() {
        FieldRegistry registry = FieldRegistry.wireshark();
        List<FieldDef> hits = new FieldSearch(registry).search(String.join(" ", words), limit);
        if (hits.isEmpty()) {
            parent.err.println("dfq: no field matches '" + String.join(" ", words) + "'");
            return 1;
        }
        int width = hits.stream().mapToInt(d -> d.abbrev().length()).max().orElse(10);
        for (FieldDef d : hits) {
            parent.out.printf("%-" + width + "s  %-18s %s%n", d.abbrev(), d.type().name(), d.name());
        }
        parent.out.flush();
        return ExitCodes.OK;
    }
}
