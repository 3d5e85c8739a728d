package dev.dfq.cli;

import dev.dfq.fields.FieldDef;
import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.ValueStrings;
import java.io.PrintWriter;

/**
 * {@code -G fields|protocols|values}: the registry in tshark's report formats. Descriptions are not
 * part of dfq's registry (they are Wireshark's prose), so the blurb column is empty. {@code -G manuf}
 * and {@code -G services}: the MAC vendor and port name tables of name resolution, whole, as tshark
 * prints them.
 */
final class Glossary {
    private final PrintWriter out;
    private final PrintWriter err;

    Glossary(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    int print(String report) throws java.io.IOException {
        FieldRegistry registry = FieldRegistry.wireshark();
        switch (report) {
            case "fields" -> {
                for (FieldDef d : registry.all()) {
                    if (d.isProtocol()) {
                        out.printf("P\t%s\t%s%n", d.name(), d.abbrev());
                    } else {
                        out.printf("F\t%s\t%s\t%s\t%s\t%s\t0x%x\t%n", d.name(), d.abbrev(), d.type().name(),
                                registry.protocolOf(d).abbrev(), d.base(), d.bitmask());
                    }
                }
            }
            case "protocols" -> {
                for (FieldDef d : registry.all()) {
                    if (d.isProtocol()) {
                        out.printf("%s\t%s\t%s%n", d.name(), d.name(), d.abbrev());
                    }
                }
            }
            case "values" -> {
                for (FieldDef d : registry.all()) {
                    ValueStrings vs = d.isProtocol() ? null : registry.valueStrings(d);
                    if (vs == null) {
                        continue;
                    }
                    for (ValueStrings.Entry e : vs.values()) {
                        out.printf("V\t%s\t%d\t%s%n", d.abbrev(), e.value(), e.text());
                    }
                    for (ValueStrings.Range r : vs.ranges()) {
                        out.printf("R\t%s\t0x%x\t0x%x\t%s%n", d.abbrev(), r.low(), r.high(), r.text());
                    }
                    if (vs.trueFalse() != null) {
                        out.printf("T\t%s\t%s\t%s%n", d.abbrev(), vs.trueFalse().trueText(), vs.trueFalse().falseText());
                    }
                }
            }
            case "manuf" -> dev.dfq.fields.resolve.MacNames.get().manufReport(out);
            case "services" -> out.print(dev.dfq.fields.resolve.ServiceNames.report());
            default -> {
                err.println("dfq: Invalid -G report \"" + report + "\" (use fields, protocols, values, manuf or services)");
                return ExitCodes.INVALID_OPTION;
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
