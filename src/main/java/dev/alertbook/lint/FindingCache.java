package dev.alertbook.lint;

import dev.alertbook.config.SiteConfig;
import dev.alertbook.diag.Diagnostic;
import dev.alertbook.rules.RuleFile;
import dev.alertbook.runbook.Runbook;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the checks of a single file (a runbook, or each rule of a rule file) found, kept from one
 * run to the next for the preview server. Such a check reads only that file and the configuration,
 * and the loader hands back the very same {@link Runbook} or {@link RuleFile} for a file that did
 * not change, so a file that is the same object as last time gets the findings it got then: an
 * edit re-checks the edited file, not all of them. A change to the settings those checks read
 * forgets everything.
 */
public final class FindingCache {

    private Object settings;
    /** Findings by check id, then by file (by identity): those of the last run, then this one's. */
    private volatile Map<String, Map<Object, List<Diagnostic>>> last = Map.of();
    private final Map<String, Map<Object, List<Diagnostic>>> current = new ConcurrentHashMap<>();

    /** Starts a run with what the configuration says to the checks of one file. */
    synchronized void start(SiteConfig config) {
        Object runSettings = List.of(config.promql(), config.checkSettings(), config.requiredLabels(),
                config.requiredAnnotations());
        if (!runSettings.equals(settings)) {
            last = Map.of();
            settings = runSettings;
        }
        current.clear();
    }

    /**
     * The findings of {@code check} on {@code file} (a {@link Runbook} or a {@link RuleFile}), from
     * the last run if it had the same file, else from {@code checking}. Each check runs on one
     * thread, so its own map needs no lock.
     */
    List<Diagnostic> findings(String check, Object file, Supplier<List<Diagnostic>> checking) {
        List<Diagnostic> found = last.getOrDefault(check, Map.of()).get(file);
        if (found == null) {
            found = checking.get();
        }
        current.computeIfAbsent(check, id -> new IdentityHashMap<>()).put(file, found);
        return found;
    }

    /** Keeps this run's findings for the next, dropping those of files that are gone or changed. */
    synchronized void finish() {
        last = Map.copyOf(current);
        current.clear();
    }
}
