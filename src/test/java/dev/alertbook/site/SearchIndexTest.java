package dev.alertbook.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchIndexTest {

    @Test
    @SuppressWarnings("unchecked")
    void lunrIndexScoresLikeLunrsBuilder() {
        LunrIndex index = new LunrIndex(List.of(new LunrIndex.Field("title", 1), new LunrIndex.Field("body", 2)));
        index.add(List.of(List.of("disk", "full"), List.of("free", "disk", "space", "disk")));
        index.add(List.of(List.of("cpu"), List.of("load")));

        Map<String, Object> json = index.toJson();

        // Worked by hand from lunr 2.3.9's Builder. idf counts a document once per field holding
        // the term: idf(disk) = ln(1 + 0.5 / 2.5) = 0.1823, the others ln(1 + 1.5 / 1.5) = 0.6931.
        // score = idf * 2.2 * tf / (1.2 * (0.25 + 0.75 * len / avgLen) + tf) * boost, to 3 places;
        // e.g. body/0 "disk": 0.1823 * 2.2 * 2 / (1.2 * (0.25 + 0.75 * 4 / 2.5) + 2) * 2 = 0.429.
        assertThat(json.get("fieldVectors").toString()).isEqualTo(
                "[[title/0, [0, 0.16, 1, 0.61]], [body/0, [0, 0.429, 2, 1.113, 3, 1.113]], "
                        + "[title/1, [4, 0.803]], [body/1, [5, 1.837]]]");
        assertThat((List<List<Object>>) json.get("invertedIndex")).extracting(entry -> entry.get(0))
                .containsExactly("cpu", "disk", "free", "full", "load", "space");
        assertThat(json.get("pipeline")).isEqualTo(List.of());
    }

    @Test
    @SuppressWarnings("unchecked")
    void lunrIndexListsOnlyTheFieldsAndVectorsThatHoldTerms() {
        LunrIndex index = new LunrIndex(List.of(new LunrIndex.Field("title", 1), new LunrIndex.Field("body", 1)));
        index.add(List.of(List.of("disk"), List.of("disk", "full")));
        index.add(List.of(List.of("cpu"), List.of()));

        Map<String, Object> json = index.toJson();

        // [term, its index in the vectors, field -> refs]: site.js fills in lunr's empty fields.
        assertThat(json.get("invertedIndex").toString())
                .isEqualTo("[[cpu, 2, {title=[1]}], [disk, 0, {title=[0], body=[0]}], [full, 1, {body=[0]}]]");
        assertThat((List<List<Object>>) json.get("fieldVectors")).extracting(vector -> vector.get(0))
                .containsExactly("title/0", "body/0", "title/1");
    }

    @Test
    void widelySharedTermsAreTheOnesInMoreListsThanTheLimit() {
        List<List<String>> bodies = List.of(List.of("check", "cqlsh"), List.of("check", "psql"), List.of("check", "psql"));

        assertThat(SearchIndex.widelyShared(bodies.stream(), 2)).containsExactly("check");
        assertThat(SearchIndex.widelyShared(bodies.stream(), 1)).containsExactlyInAnyOrder("check", "psql");
    }
}
