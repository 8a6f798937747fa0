package dev.alertbook.diag;

import dev.alertbook.source.Position;
import dev.alertbook.source.Reporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Collects findings while a run goes on, so one run reports every problem instead of stopping at
 * the first. Per-check settings from {@code alertbook.yml} are applied as findings arrive.
 */
public final class Diagnostics implements Reporter {

    /** The severity each finding gets, by check and file; empty turns the finding off. */
    @FunctionalInterface
    public interface Policy {
        Policy AS_REPORTED = (checkId, path, reported) -> Optional.of(reported);

        Optional<Severity> severity(String checkId, String path, Severity reported);
    }

    private final List<Diagnostic> found = new ArrayList<>();
    private final Policy policy;

    public Diagnostics() {
        this(Policy.AS_REPORTED);
    }

    public Diagnostics(Policy policy) {
        this.policy = policy;
    }

    public synchronized void report(Diagnostic diagnostic) {
        policy.severity(diagnostic.checkId(), diagnostic.path(), diagnostic.severity())
                .ifPresent(severity -> found.add(severity == diagnostic.severity() ? diagnostic
                        : diagnostic.withSeverity(severity)));
    }

    @Override
    public void error(String checkId, String path, Position position, String message) {
        report(new Diagnostic(checkId, Severity.ERROR, path, position, message));
    }

    @Override
    public void warning(String checkId, String path, Position position, String message) {
        report(new Diagnostic(checkId, Severity.WARNING, path, position, message));
    }

    public synchronized void addAll(Diagnostics other) {
        other.sorted().forEach(this::report);
    }

    /** Every finding, in file and position order, so output is the same on every run. */
    public synchronized List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(found);
        copy.sort(Diagnostic.ORDER);
        return List.copyOf(copy);
    }

    public synchronized boolean hasErrors() {
        return found.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    /** Drops findings, for inline comments in a file that turn a check off there. */
    public synchronized void removeIf(Predicate<Diagnostic> unwanted) {
        found.removeIf(unwanted);
    }

    public synchronized boolean isEmpty() {
        return found.isEmpty();
    }
}
