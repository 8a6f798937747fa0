package dev.alertbook.config;

import dev.alertbook.diag.Diagnostics;
import dev.alertbook.diag.Severity;
import dev.alertbook.source.Position;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which checks report, and at what severity, for each file: {@code checks.disabled} and
 * {@code checks.severity} everywhere, then each of {@code checks.overrides} in order for the files
 * its paths match. A later setting wins: an override can turn a check off for a folder, and one
 * after it can give the check a severity again for a file in it, which turns it back on there.
 * Within one entry, naming a check in {@code disabled} wins over giving it a severity.
 */
public record CheckPolicy(Set<String> disabled, Map<String, Severity> severities, List<PathOverride> overrides)
        implements Diagnostics.Policy {

    public static final CheckPolicy DEFAULTS = new CheckPolicy(Set.of(), Map.of(), List.of());

    /**
     * One entry of {@code checks.overrides}.
     *
     * @param position where the entry is written in {@code alertbook.yml}, for findings about it
     */
    public record PathOverride(List<PathGlob> paths, Set<String> disabled, Map<String, Severity> severities,
            Position position) {

        public PathOverride {
            paths = List.copyOf(paths);
            disabled = Set.copyOf(disabled);
            severities = Map.copyOf(severities);
        }

        public boolean applies(String path) {
            return paths.stream().anyMatch(glob -> glob.matches(path));
        }
    }

    public CheckPolicy {
        disabled = Set.copyOf(disabled);
        severities = Map.copyOf(severities);
        overrides = List.copyOf(overrides);
    }

    /** The severity a finding of {@code checkId} in {@code path} is reported at; empty when the check is off there. */
    @Override
    public Optional<Severity> severity(String checkId, String path, Severity reported) {
        Optional<Severity> severity = setting(disabled, severities, checkId, Optional.of(reported));
        for (PathOverride override : overrides) {
            if (override.applies(path)) {
                severity = setting(override.disabled(), override.severities(), checkId, severity);
            }
        }
        return severity;
    }

    /** Whether {@code checkId} is off for {@code path}. */
    public boolean disables(String checkId, String path) {
        return severity(checkId, path, Severity.WARNING).isEmpty();
    }

    private static Optional<Severity> setting(Set<String> disabled, Map<String, Severity> severities, String checkId,
            Optional<Severity> before) {
        if (disabled.contains(checkId)) {
            return Optional.empty();
        }
        return severities.containsKey(checkId) ? Optional.of(severities.get(checkId)) : before;
    }
}
