package dev.alertbook.template;

import java.util.Optional;

/**
 * What Prometheus's template functions read besides their arguments: the evaluation time
 * ({@code now}, {@code query}), the server's external URL ({@code externalURL}, {@code pathPrefix};
 * absent in promtool, where both fail), and the query engine, which rule unit tests have and checks
 * and example renderings do not.
 */
public record Environment(double time, Optional<String> externalURL, Optional<QueryEngine> engine) {

    /** Checking and example rendering: time 0, no external URL, no engine. */
    public static final Environment CHECK = new Environment(0, Optional.empty(), Optional.empty());
}
