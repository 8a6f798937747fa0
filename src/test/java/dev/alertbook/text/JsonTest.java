package dev.alertbook.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    private static Map<String, Object> document() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("summary", Map.of("evals", 2));
        document.put("files", List.of(Map.of("file", "a\"b<"), List.of(1, true, List.of())));
        document.put("none", null);
        return document;
    }

    @Test
    void writesCompactWithKeysInOrderAndEscapes() {
        assertThat(Json.write(document()))
                .isEqualTo("{\"summary\":{\"evals\":2},\"files\":[{\"file\":\"a\\\"b\\u003c\"},[1,true,[]]],\"none\":null}");
    }

    @Test
    void laysOutContainersOfContainersOneMemberALine() {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("file", "x.test");
        file.put("evals", List.of(Map.of("line", 3), Map.of("line", 5)));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("summary", new LinkedHashMap<>(Map.of("evals", 2)));
        document.put("files", List.of(file));
        document.put("empty", List.of());
        assertThat(Json.pretty(document)).isEqualTo("""
                {
                  "summary": {"evals": 2},
                  "files": [
                    {
                      "file": "x.test",
                      "evals": [
                        {"line": 3},
                        {"line": 5}
                      ]
                    }
                  ],
                  "empty": []
                }""");
    }
}
