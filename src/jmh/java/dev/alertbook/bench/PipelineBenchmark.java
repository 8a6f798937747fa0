package dev.alertbook.bench;

import dev.alertbook.diag.Diagnostics;
import dev.alertbook.rules.RuleFile;
import dev.alertbook.rules.RuleFileLoader;
import dev.alertbook.runbook.Markdown;
import dev.alertbook.runbook.Runbook;
import dev.alertbook.runbook.RunbookLoader;
import dev.alertbook.source.SourceFile;
import dev.alertbook.source.SourceReader;
import dev.alertbook.template.AlertTemplate;
import dev.alertbook.template.AlertValues;
import dev.alertbook.template.Environment;
import dev.alertbook.template.TemplateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hot paths of a build, one input per operation, over the srerun corpus: loading a rule file
 * (YAML and schema checks), loading a runbook (front matter, shortcodes, Markdown), rendering a
 * runbook to HTML, and expanding an annotation template. Run with
 * {@code mvn -B -Pbench -DskipTests verify -Djmh.include=PipelineBenchmark} (see docs/benchmarks.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class PipelineBenchmark {

    private static final Path SRERUN = Path.of("../shared/corpus/srerun");
    private static final AlertValues SAMPLE = new AlertValues(Map.of("instance", "db-1:9100", "job", "node"), Map.of(),
            "", 0.95);

    private SourceFile[] ruleFiles;
    private SourceFile[] runbookFiles;
    private Runbook[] runbooks;
    private AlertTemplate[] templates;
    private int next;

    @Setup
    public void loadCorpus() {
        SourceReader reader = new SourceReader(SRERUN);
        ruleFiles = read(reader, "rules", ".yml");
        runbookFiles = read(reader, "content/runbooks", ".md");
        runbooks = Stream.of(runbookFiles).map(file -> RunbookLoader.load(file, "group", new Diagnostics()))
                .toArray(Runbook[]::new);
        List<AlertTemplate> parsed = new ArrayList<>();
        for (SourceFile file : ruleFiles) {
            for (RuleFile rules : RuleFileLoader.load(file, new Diagnostics()).stream().toList()) {
                for (var rule : rules.alerts().toList()) {
                    for (String annotation : rule.annotations().values()) {
                        addIfItRuns(parsed, rule.name(), annotation);
                    }
                }
            }
        }
        templates = parsed.toArray(AlertTemplate[]::new);
    }

    /** Templates that fail on the benchmark's sample values (the corpus has one) measure nothing. */
    private static void addIfItRuns(List<AlertTemplate> templates, String alert, String text) {
        try {
            AlertTemplate template = AlertTemplate.parse(alert, text);
            template.expand(SAMPLE, Environment.CHECK);
            templates.add(template);
        } catch (TemplateException e) {
            // Left out, as the comment above says.
        }
    }

    private static SourceFile[] read(SourceReader reader, String dir, String extension) {
        try (Stream<Path> files = Files.walk(SRERUN.resolve(dir))) {
            return files.filter(file -> file.toString().endsWith(extension)).sorted()
                    .flatMap(file -> reader.read(file, new Diagnostics()).stream())
                    .toArray(SourceFile[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int next(int length) {
        next = next + 1 >= length ? 0 : next + 1;
        return next;
    }

    @Benchmark
    public Object loadRuleFile() {
        return RuleFileLoader.load(ruleFiles[next(ruleFiles.length)], new Diagnostics());
    }

    @Benchmark
    public Runbook loadRunbook() {
        return RunbookLoader.load(runbookFiles[next(runbookFiles.length)], "group", new Diagnostics());
    }

    @Benchmark
    public String renderRunbook() {
        return Markdown.toHtml(runbooks[next(runbooks.length)], reference -> "");
    }

    @Benchmark
    public String expandAnnotation() throws TemplateException {
        return templates[next(templates.length)].expand(SAMPLE, Environment.CHECK);
    }
}
