package dev.alertbook.promql.engine;

import java.nio.charset.StandardCharsets;

/** Which label names Prometheus 3.x accepts: any valid, non-empty UTF-8 string. */
final class LabelNames {

    private LabelNames() {
    }

    static boolean valid(String name) {
        if (name.isEmpty()) {
            return false;
        }
        String roundTrip = new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        return roundTrip.equals(name) && name.chars().noneMatch(c -> c == 0xFFFD || Character.isSurrogate((char) c));
    }
}
