package dev.dfq.cli;

import dev.dfq.engine.CompileResult;
import dev.dfq.engine.DiagnosticRenderer;
import dev.dfq.engine.FilterCompiler;
import dev.dfq.fields.FieldRegistry;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code dfq explain FILTER}: how a filter compiles (syntax tree and program), like Wireshark's dftest. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Show how a display filter compiles: syntax tree and instructions.")
final class ExplainCommand implements Callable<Integer> {
    @ParentCommand
    DfqCommand parent;

    @Option(names = "--dftest", description = "Print exactly what Wireshark 4.6's dftest prints.")
    boolean dftest;

    @Option(names = "--macros", paramLabel = "FILE", description = "Display-filter macros file (Wireshark dmacros format).")
    java.nio.file.Path macros;

    @Parameters(arity = "1..*", paramLabel = "FILTER", description = "The filter (several words are joined by spaces).")
    List<String> words;

    @Override
    public Integer call() throws Exception {
        String text = String.join(" ", words);
        FilterCompiler compiler = new FilterCompiler(FieldRegistry.wireshark(), MacroFiles.load(macros, parent.err));
        CompileResult result = compiler.compile(text);
        if (!result.ok()) {
            parent.err.print(DiagnosticRenderer.renderLikeTshark(result.expandedText(), result.error()));
            for (String hint : result.error().hints()) {
                parent.err.println(hint);
            }
            parent.err.flush();
            return ExitCodes.INVALID_FILTER;
        }
        parent.out.print(result.filter().dftest());
        for (dev.dfq.engine.Diagnostic w : result.warnings()) {
            if (w.message().startsWith("dfq does not dissect")) {
                parent.err.println("dfq: warning: " + w.message());
            }
        }
        parent.out.flush();
        return ExitCodes.OK;
    }
}
