package dev.alertbook.promql.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable label set, sorted by name, in two parallel arrays so that comparing and hashing
 * millions of them during a range query allocates nothing.
 */
public final class Labels implements Comparable<Labels> {

    public static final String METRIC_NAME = "__name__";
    public static final Labels EMPTY = new Labels(new String[0], new String[0]);

    private final String[] names;
    private final String[] values;
    private int hash;

    private Labels(String[] names, String[] values) {
        this.names = names;
        this.values = values;
    }

    /** Labels from a map; empty values are dropped, as Prometheus never stores them. */
    public static Labels of(Map<String, String> map) {
        TreeMap<String, String> sorted = new TreeMap<>();
        map.forEach((name, value) -> {
            if (!value.isEmpty()) {
                sorted.put(name, value);
            }
        });
        return new Labels(sorted.keySet().toArray(new String[0]), sorted.values().toArray(new String[0]));
    }

    public static Labels of(String... pairs) {
        TreeMap<String, String> map = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return of(map);
    }

    public int size() {
        return names.length;
    }

    public String name(int i) {
        return names[i];
    }

    public String value(int i) {
        return values[i];
    }

    /** The value of a label, or the empty string when it is absent (as Prometheus treats it). */
    public String get(String name) {
        int i = Arrays.binarySearch(names, name);
        return i >= 0 ? values[i] : "";
    }

    public boolean has(String name) {
        return Arrays.binarySearch(names, name) >= 0;
    }

    public String metricName() {
        return get(METRIC_NAME);
    }

    public Map<String, String> toMap() {
        TreeMap<String, String> map = new TreeMap<>();
        for (int i = 0; i < names.length; i++) {
            map.put(names[i], values[i]);
        }
        return map;
    }

    /** A copy with one label set, or removed when {@code value} is empty. */
    public Labels with(String name, String value) {
        Map<String, String> map = toMap();
        if (value.isEmpty()) {
            map.remove(name);
        } else {
            map.put(name, value);
        }
        return of(map);
    }

    public Labels without(Collection<String> drop) {
        return filter(drop, false);
    }

    public Labels only(Collection<String> keep) {
        return filter(keep, true);
    }

    private Labels filter(Collection<String> set, boolean keep) {
        List<String> n = new ArrayList<>(names.length);
        List<String> v = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            if (set.contains(names[i]) == keep) {
                n.add(names[i]);
                v.add(values[i]);
            }
        }
        if (n.size() == names.length) {
            return this;
        }
        return new Labels(n.toArray(new String[0]), v.toArray(new String[0]));
    }

    /**
     * Drops the metric name and, since 3.5, the type and unit labels that describe it: once a
     * value no longer is the metric, they no longer describe it either.
     */
    public Labels withoutMetricName() {
        if (!has(METRIC_NAME) && !has("__type__") && !has("__unit__")) {
            return this;
        }
        return without(List.of(METRIC_NAME, "__type__", "__unit__"));
    }

    /**
     * Where the label set's hash falls in [0, 1): Prometheus's xxHash of the names and values,
     * each followed by a 0xff byte, over 2^64. limit_ratio samples by it.
     */
    double hashOffset() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < names.length; i++) {
            bytes.writeBytes(names[i].getBytes(java.nio.charset.StandardCharsets.UTF_8));
            bytes.write(0xff);
            bytes.writeBytes(values[i].getBytes(java.nio.charset.StandardCharsets.UTF_8));
            bytes.write(0xff);
        }
        return XxHash64.unsigned(XxHash64.hash(bytes.toByteArray())) / 0x1p64;
    }

    @Override
    public int compareTo(Labels other) {
        int n = Math.min(names.length, other.names.length);
        for (int i = 0; i < n; i++) {
            int c = names[i].compareTo(other.names[i]);
            if (c != 0) {
                return c;
            }
            c = values[i].compareTo(other.values[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(names.length, other.names.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Labels other && hashCode() == other.hashCode() && Arrays.equals(names, other.names)
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
            hash = h == 0 ? 1 : h;
        }
        return hash;
    }

    /** Go's {@code labels.Labels} string form, {@code {__name__="x", a="1"}}, which some error messages print. */
    public String toMapString() {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < names.length; i++) {
            out.append(i == 0 ? "" : ", ").append(names[i]).append("=\"").append(escape(values[i])).append('"');
        }
        return out.append('}').toString();
    }

    /** Prometheus's notation: {@code name{a="1", b="2"}}, or {@code {a="1"}} without a name. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(metricName()).append('{');
        boolean first = true;
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(METRIC_NAME)) {
                continue;
            }
            out.append(first ? "" : ", ").append(names[i]).append("=\"").append(escape(values[i])).append('"');
            first = false;
        }
        return out.append('}').toString();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
