package dev.alertbook.site;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a search index in the serialized form of lunr 2.3 ({@code lunr.Index.load}), so the
 * browser only loads it instead of indexing a thousand runbooks on the reader's phone. Scoring is
 * lunr's BM25 with its defaults, computed the way {@code lunr.Builder} does; terms are stored as
 * given (no stemming), and the page's script queries them without lunr's pipeline.
 *
 * <p>Two changes keep the file small; {@code site.js} undoes the first before loading it. An
 * inverted-index entry is {@code [term, termIndex, {field: [refs]}]} with only the fields that
 * hold the term, where lunr writes {@code [term, {_index, field: {ref: {}}}]} with every field,
 * which for most terms is mostly empty fields. Empty field vectors are left out: lunr only looks
 * up the vectors of fields a query term matched.
 */
final class LunrIndex {

    private static final double K1 = 1.2;
    private static final double B = 0.75;

    /** A field and how much a match in it counts. */
    record Field(String name, double boost) {
    }

    private final List<Field> fields;
    /** Per document and field (in document, then field order): term → frequency. */
    private final List<Map<String, Integer>> termFrequencies = new ArrayList<>();
    private final Map<String, Integer> termIndex = new LinkedHashMap<>();
    /** term → field → the documents containing it there. */
    private final Map<String, Map<String, List<Integer>>> postings = new TreeMap<>();
    private int documents;

    LunrIndex(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    /** Adds the next document (its ref is its position) with the terms of each field, in field order. */
    void add(List<List<String>> termsByField) {
        int ref = documents++;
        for (int f = 0; f < fields.size(); f++) {
            Map<String, Integer> frequencies = new LinkedHashMap<>();
            for (String term : termsByField.get(f)) {
                frequencies.merge(term, 1, Integer::sum);
                termIndex.putIfAbsent(term, termIndex.size());
                List<Integer> docs = postings.computeIfAbsent(term, t -> new LinkedHashMap<>())
                        .computeIfAbsent(fields.get(f).name(), n -> new ArrayList<>());
                if (docs.isEmpty() || docs.get(docs.size() - 1) != ref) {
                    docs.add(ref);
                }
            }
            termFrequencies.add(frequencies);
        }
    }

    /** The object {@code lunr.Index.load} takes. */
    Map<String, Object> toJson() {
        double[] averageLength = new double[fields.size()];
        for (int i = 0; i < termFrequencies.size(); i++) {
            averageLength[i % fields.size()] += length(termFrequencies.get(i));
        }
        for (int f = 0; f < fields.size(); f++) {
            averageLength[f] = documents == 0 ? 0 : averageLength[f] / documents;
        }
        List<Object> vectors = new ArrayList<>();
        for (int i = 0; i < termFrequencies.size(); i++) {
            int field = i % fields.size();
            if (termFrequencies.get(i).isEmpty()) {
                continue;
            }
            vectors.add(List.of(fields.get(field).name() + "/" + (i / fields.size()),
                    vector(termFrequencies.get(i), averageLength[field], fields.get(field).boost())));
        }
        List<Object> inverted = new ArrayList<>();
        postings.forEach((term, byField) -> {
            Map<String, List<Integer>> posting = new LinkedHashMap<>();
            for (Field field : fields) {
                List<Integer> docs = byField.get(field.name());
                if (docs != null) {
                    posting.put(field.name(), docs);
                }
            }
            inverted.add(List.of(term, termIndex.get(term), posting));
        });
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("version", "2.3.9");
        index.put("fields", fields.stream().map(Field::name).toList());
        index.put("fieldVectors", vectors);
        index.put("invertedIndex", inverted);
        index.put("pipeline", List.of());
        return index;
    }

    private List<Object> vector(Map<String, Integer> frequencies, double averageLength, double boost) {
        int length = length(frequencies);
        Map<Integer, BigDecimal> elements = new TreeMap<>();
        frequencies.forEach((term, tf) -> {
            double score = idf(term) * ((K1 + 1) * tf)
                    / (K1 * (1 - B + B * (length / averageLength)) + tf) * boost;
            elements.put(termIndex.get(term), BigDecimal.valueOf(Math.round(score * 1000) / 1000.0).stripTrailingZeros());
        });
        List<Object> flat = new ArrayList<>();
        elements.forEach((index, score) -> {
            flat.add(index);
            flat.add(score.scale() < 0 ? score.setScale(0) : score);
        });
        return flat;
    }

    /** lunr.idf: documents are counted once per field that has the term. */
    private double idf(String term) {
        int withTerm = postings.get(term).values().stream().mapToInt(List::size).sum();
        double x = (documents - withTerm + 0.5) / (withTerm + 0.5);
        return Math.log(1 + Math.abs(x));
    }

    private static int length(Map<String, Integer> frequencies) {
        return frequencies.values().stream().mapToInt(Integer::intValue).sum();
    }
}
