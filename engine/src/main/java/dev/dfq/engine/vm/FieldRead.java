package dev.dfq.engine.vm;

import dev.dfq.fields.FieldDef;
import dev.dfq.fields.FieldType;
import dev.dfq.grammar.ast.Node.RangeNode;
import java.util.List;

/**
 * What a READ_TREE reads: a field's occurrences, optionally only some layers, optionally raw
 * (the undecoded bytes, as FT_BYTES) or as its value strings ({@code f::value_string}).
 *
 * @param layers null for every layer
 * @param display the text dftest shows, e.g. {@code ip.src#[2:1] <FT_IPv4>}
 */
public record FieldRead(FieldDef def, List<RangeNode> layers, boolean raw, boolean valueString, FieldType type,
                        String display) {
}
