package dev.alertbook.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Go {@code map[string]T}: {@code $labels} is a {@code map[string]string}, {@code args} makes a
 * {@code map[string]interface {}}. A missing key reads as {@code zero} (the templates run with
 * {@code missingkey=zero}); Go prints and ranges over maps in key order.
 */
record GoMap(Map<String, Object> entries, String elemType, Object zero) {

    static GoMap ofStrings(Map<String, String> values) {
        return new GoMap(Collections.unmodifiableMap(new LinkedHashMap<>(values)), "string", "");
    }

    static GoMap ofAny(Map<String, Object> values) {
        return new GoMap(Collections.unmodifiableMap(new LinkedHashMap<>(values)), "interface {}", null);
    }

    String typeName() {
        return "map[string]" + elemType;
    }

    Object get(String key) {
        return entries.containsKey(key) ? entries.get(key) : zero;
    }

    Map<String, Object> sorted() {
        return new TreeMap<>(entries);
    }
}
