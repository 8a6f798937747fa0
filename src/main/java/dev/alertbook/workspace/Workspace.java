package dev.alertbook.workspace;

import dev.alertbook.config.SiteConfig;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.rules.RuleFile;
import dev.alertbook.ruletest.TestFile;
import dev.alertbook.runbook.Runbook;
import dev.alertbook.source.SourceReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A loaded runbook repository: its configuration, rule files, runbooks and rule unit-test files,
 * and everything found wrong while loading them. Every verb starts from one of these. A test file
 * with an error is left out of {@code testFiles}: promtool would not run it either.
 */
public record Workspace(
        SourceReader reader,
        SiteConfig config,
        List<RuleFile> ruleFiles,
        List<Runbook> runbooks,
        List<TestFile> testFiles,
        Diagnostics diagnostics) {

    /** This workspace with more rule files, such as those given on the command line. */
    public Workspace withRuleFiles(List<RuleFile> files) {
        List<RuleFile> more = new ArrayList<>(ruleFiles);
        more.addAll(files);
        return new Workspace(reader, config, List.copyOf(more), runbooks, testFiles, diagnostics);
    }

    /**
     * The path of a rule file below the rules folder that holds it ({@code rules/db/pg.yml} →
     * {@code db/pg.yml}): the name shortcodes use and the path it is published under.
     */
    public String rulePath(RuleFile file) {
        for (String dir : config.rulesDirs()) {
            String prefix = normalize(dir) + "/";
            if (file.path().startsWith(prefix)) {
                return file.path().substring(prefix.length());
            }
        }
        return file.path();
    }

    /**
     * Finds the rule file a shortcode or front matter names, relative to a rules folder or the
     * root; the first file in order that fits wins. The index is built once because callers look
     * up names for every runbook: a scan per lookup made linking and rendering grow with the
     * square of the repository.
     */
    public Function<String, Optional<RuleFile>> ruleFileLookup() {
        Map<String, RuleFile> byName = new HashMap<>();
        for (RuleFile file : ruleFiles) {
            byName.putIfAbsent(rulePath(file), file);
            byName.putIfAbsent(file.path(), file);
        }
        return written -> Optional.ofNullable(byName.get(normalize(written)));
    }

    static String normalize(String dir) {
        String path = dir.replace('\\', '/');
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }
}
