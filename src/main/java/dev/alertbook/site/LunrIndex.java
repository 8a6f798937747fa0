package dev.alertbook.site;

import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

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
    /** Every term, in the order first seen: a term's index is its position here. */
    private final List<String> terms = new ArrayList<>();
    private final Map<String, Integer> termIndex = new HashMap<>();
    /** Per document and field (in document, then field order): which terms it holds, how often. */
    private final List<TermCounts> termFrequencies = new ArrayList<>();
    /** Per term index, then field: the documents holding the term there, or null if none does. */
    private final List<Postings[]> postings = new ArrayList<>();
    private int documents;

    /**
     * The terms of one field of one document and how often each occurs, in the order first seen,
     * and how many terms the field has. Arrays rather than maps: at 50,000 runbooks they hold
     * millions of terms.
     */
    private record TermCounts(int[] terms, int[] counts, int length) {
    }

    /** Document refs in the order added, each once; a growable array of ints. */
    private static final class Postings {
        private int[] refs = new int[2];
        private int size;

        void add(int ref) {
            if (size > 0 && refs[size - 1] == ref) {
                return;
            }
            if (size == refs.length) {
                refs = Arrays.copyOf(refs, size * 2);
            }
            refs[size++] = ref;
        }

        List<Integer> toList() {
            return Arrays.stream(refs, 0, size).boxed().toList();
        }
    }

    LunrIndex(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    /** Adds the next document (its ref is its position) with the terms of each field, in field order. */
    void add(List<List<String>> termsByField) {
        int ref = documents++;
        for (int f = 0; f < fields.size(); f++) {
            List<String> fieldTerms = termsByField.get(f);
            Map<Integer, Integer> counts = new LinkedHashMap<>();
            for (String term : fieldTerms) {
                int index = termIndex.computeIfAbsent(term, this::newTerm);
                counts.merge(index, 1, Integer::sum);
                Postings[] byField = postings.get(index);
                if (byField[f] == null) {
                    byField[f] = new Postings();
                }
                byField[f].add(ref);
            }
            termFrequencies.add(new TermCounts(counts.keySet().stream().mapToInt(Integer::intValue).toArray(),
                    counts.values().stream().mapToInt(Integer::intValue).toArray(), fieldTerms.size()));
        }
    }

    private int newTerm(String term) {
        terms.add(term);
        postings.add(new Postings[fields.size()]);
        return terms.size() - 1;
    }

    /**
     * The object {@code lunr.Index.load} takes. Its long lists are made member by member as they
     * are written, so the index never exists as objects all at once.
     */
    Map<String, Object> toJson() {
        double[] averageLength = new double[fields.size()];
        for (int i = 0; i < termFrequencies.size(); i++) {
            averageLength[i % fields.size()] += termFrequencies.get(i).length();
        }
        for (int f = 0; f < fields.size(); f++) {
            averageLength[f] = documents == 0 ? 0 : averageLength[f] / documents;
        }
        double[] idf = new double[terms.size()];
        for (int t = 0; t < idf.length; t++) {
            idf[t] = idf(postings.get(t));
        }
        int[] vectorOf = IntStream.range(0, termFrequencies.size())
                .filter(i -> termFrequencies.get(i).terms().length > 0).toArray();
        List<Object> vectors = lazyList(vectorOf.length, v -> {
            int i = vectorOf[v];
            int field = i % fields.size();
            return List.of(fields.get(field).name() + "/" + (i / fields.size()),
                    vector(termFrequencies.get(i), idf, averageLength[field], fields.get(field).boost()));
        });
        int[] byTerm = IntStream.range(0, terms.size()).boxed().sorted(Comparator.comparing(terms::get))
                .mapToInt(Integer::intValue).toArray();
        List<Object> inverted = lazyList(byTerm.length, n -> {
            int term = byTerm[n];
            Map<String, List<Integer>> posting = new LinkedHashMap<>();
            for (int f = 0; f < fields.size(); f++) {
                Postings docs = postings.get(term)[f];
                if (docs != null) {
                    posting.put(fields.get(f).name(), docs.toList());
                }
            }
            return List.of(terms.get(term), term, posting);
        });
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("version", "2.3.9");
        index.put("fields", fields.stream().map(Field::name).toList());
        index.put("fieldVectors", vectors);
        index.put("invertedIndex", inverted);
        index.put("pipeline", List.of());
        return index;
    }

    /** A list of {@code size} members, each made by {@code member} when read. */
    private static List<Object> lazyList(int size, IntFunction<Object> member) {
        return new AbstractList<>() {
            @Override
            public Object get(int index) {
                return member.apply(index);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    private static List<Object> vector(TermCounts counts, double[] idf, double averageLength, double boost) {
        int[] order = IntStream.range(0, counts.terms().length).boxed()
                .sorted(Comparator.comparingInt(i -> counts.terms()[i])).mapToInt(Integer::intValue).toArray();
        List<Object> flat = new ArrayList<>(order.length * 2);
        for (int i : order) {
            int term = counts.terms()[i];
            int tf = counts.counts()[i];
            double score = idf[term] * ((K1 + 1) * tf)
                    / (K1 * (1 - B + B * (counts.length() / averageLength)) + tf) * boost;
            BigDecimal rounded = BigDecimal.valueOf(Math.round(score * 1000) / 1000.0).stripTrailingZeros();
            flat.add(term);
            flat.add(rounded.scale() < 0 ? rounded.setScale(0) : rounded);
        }
        return flat;
    }

    /** lunr.idf: documents are counted once per field that has the term. */
    private double idf(Postings[] byField) {
        int withTerm = Arrays.stream(byField).filter(Objects::nonNull).mapToInt(docs -> docs.size).sum();
        double x = (documents - withTerm + 0.5) / (withTerm + 0.5);
        return Math.log(1 + Math.abs(x));
    }
}
