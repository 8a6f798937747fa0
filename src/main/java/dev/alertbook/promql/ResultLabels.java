package dev.alertbook.promql;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The label names the results of an expression can carry. A closed set can carry at most
 * {@code names}. An open set can carry any label but {@code excluded}, because the series a
 * selector picks may have labels the query never mentions; its {@code names} are the ones the
 * query does mention (a selector's matchers, a label that {@code label_replace} sets), for showing.
 * So {@link #canHave} is false only for a label no result can ever have.
 *
 * @param names    sorted; the whole set when closed, the labels known by name when open
 * @param open     whether labels the query does not name can be present
 * @param excluded sorted; the labels an open set can never have (always empty when closed)
 */
public record ResultLabels(SortedSet<String> names, boolean open, SortedSet<String> excluded) {

    public static final String METRIC_NAME = "__name__";

    /** No labels at all: a scalar, {@code vector(1)}, {@code count(x)}. */
    public static final ResultLabels NONE = exactly(List.of());

    /** Nothing known: any label can be present. */
    public static final ResultLabels ANY = open(List.of(), List.of());

    public ResultLabels {
        SortedSet<String> never = new TreeSet<>(open ? excluded : Set.of());
        SortedSet<String> named = new TreeSet<>(names);
        named.removeAll(never);
        names = Collections.unmodifiableSortedSet(named);
        excluded = Collections.unmodifiableSortedSet(never);
    }

    public static ResultLabels exactly(Collection<String> names) {
        return new ResultLabels(new TreeSet<>(names), false, new TreeSet<>());
    }

    public static ResultLabels open(Collection<String> names, Collection<String> excluded) {
        return new ResultLabels(new TreeSet<>(names), true, new TreeSet<>(excluded));
    }

    public boolean canHave(String label) {
        return names.contains(label) || open && !excluded.contains(label);
    }

    /** These labels, with {@code label} possibly set as well. */
    ResultLabels with(String label) {
        SortedSet<String> named = new TreeSet<>(names);
        named.add(label);
        SortedSet<String> never = new TreeSet<>(excluded);
        never.remove(label);
        return new ResultLabels(named, open, never);
    }

    /** These labels with {@code labels} deleted. */
    ResultLabels without(Collection<String> labels) {
        SortedSet<String> named = new TreeSet<>(names);
        named.removeAll(labels);
        SortedSet<String> never = new TreeSet<>(excluded);
        never.addAll(labels);
        return new ResultLabels(named, open, never);
    }

    ResultLabels without(String label) {
        return without(List.of(label));
    }

    /** Only those of {@code labels} these can have, as Go's {@code labels.Builder.Keep} leaves them. */
    ResultLabels keepOnly(Collection<String> labels) {
        return exactly(labels.stream().filter(this::canHave).toList());
    }

    /** The labels of results that come from either side. */
    ResultLabels or(ResultLabels other) {
        SortedSet<String> named = new TreeSet<>(names);
        named.addAll(other.names);
        SortedSet<String> never = new TreeSet<>(excluded);
        never.addAll(other.excluded);
        never.removeIf(label -> canHave(label) || other.canHave(label));
        return new ResultLabels(named, open || other.open, never);
    }

    /** {@code exactly(job)}, or for an open set {@code any(job; not __name__)}. */
    @Override
    public String toString() {
        String named = String.join(", ", names);
        if (!open) {
            return "exactly(" + named + ")";
        }
        return "any(" + named + (excluded.isEmpty() ? "" : "; not " + String.join(", ", excluded)) + ")";
    }
}
