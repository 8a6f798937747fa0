package dev.alertbook.template;


import java.util.Map;
import org.assertj.core.api.ThrowableAssertAlternative;

/** Runs an alert template named {@code __alert_X} the way Prometheus expands it. */
final class Run {

    static final Map<String, String> LABELS = Map.of("instance", "host-1:9100", "job", "node", "severity", "page");

    private Run() {
    }

    static String expand(String template, Object value) {
        try {
            return AlertTemplate.parse("X", template)
                    .expand(new AlertValues(LABELS, Map.of("cluster", "eu"), "http://prom:9090/path", value),
                            Environment.CHECK);
        } catch (TemplateException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static String expand(String template) {
        return expand(template, 1234567.0);
    }

    /** The failure of {@code template}, parsing or running. */
    static ThrowableAssertAlternative<TemplateException> fails(String template) {
        return org.assertj.core.api.Assertions.assertThatExceptionOfType(TemplateException.class).isThrownBy(() ->
                AlertTemplate.parse("X", template)
                        .expand(new AlertValues(LABELS, Map.of(), "", 1.0), Environment.CHECK));
    }

}
