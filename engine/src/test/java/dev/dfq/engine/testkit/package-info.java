/**
 * Conformance test kit (shipped in the engine's test-jar): tshark 4.6.9's dissection of a capture,
 * rebuilt from its exports, replayed into {@link dev.dfq.fields.FieldStore}s, and the runner for
 * rows of "capture, filter, expected count or error" recorded from tshark.
 *
 * <pre>{@code
 * // exports made with: tshark -n -r CAP -T pdml > CAP.pdml
 * //                    tshark -n -r CAP -T json -x --no-duplicate-keys > CAP.json   (.gz accepted)
 * FieldRegistry reg = FieldRegistry.wireshark();
 * CaptureFixture fx = CaptureFixture.load(reg, FixtureFiles.classpath("some/dir"), "CAP");
 * CompiledFilter f = new FilterCompiler(reg).compile("smtp.response.code == 552").orThrow();
 * FieldStore store = new FieldStore(reg);
 * CompiledFilter.Evaluator ev = f.newEvaluator();
 * long n = fx.frames().stream().filter(fr -> ev.matches(fr.fill(store), References.NONE)).count();
 * }</pre>
 *
 * <ul>
 *   <li>{@link dev.dfq.engine.testkit.CaptureFixture}: the loader (see its javadoc for every
 *       mapping decision: skipped PDML elements, layers, protocol tvb ends, data sources, columns);
 *   <li>{@link dev.dfq.engine.testkit.Pdml}, {@link dev.dfq.engine.testkit.PdmlValues},
 *       {@link dev.dfq.engine.testkit.JsonExport}: PDML reader, typed values, frame bytes and data
 *       sources from the JSON export;
 *   <li>{@link dev.dfq.engine.testkit.SuiteCase}, {@link dev.dfq.engine.testkit.SuiteRunner}: rows
 *       of {@code cases.jsonl} and how tshark's options map onto the engine ({@code -2
 *       --selected-frame=N} → {@link dev.dfq.engine.References} of frame N, {@code -2 -R} counts
 *       as {@code -Y});
 *   <li>{@link dev.dfq.engine.testkit.KnownFailures}: lists of cases allowed to fail, which must
 *       still fail (regenerate with {@code -Ddfq.updateKnownFailures=true}).
 * </ul>
 */
package dev.dfq.engine.testkit;
