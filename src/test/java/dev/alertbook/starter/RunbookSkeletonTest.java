package dev.alertbook.starter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class RunbookSkeletonTest {

    @Test
    void namesStayPlainAndOtherTextIsQuotedSoYamlReadsItBack() {
        assertThat(RunbookSkeleton.yamlString("NodeDown")).isEqualTo("NodeDown");
        assertThat(RunbookSkeleton.yamlString("db/pg.yml")).isEqualTo("db/pg.yml");
        for (String text : new String[] {"no", "On", "12", "a: b", "say \"hi\" \\ bye", "#tag", "- x", "tab\there"}) {
            assertThat((Object) new Yaml().load("k: " + RunbookSkeleton.yamlString(text)))
                    .as(text).isEqualTo(java.util.Map.of("k", text));
        }
    }

    @Test
    void markupInAnnotationsIsShownAsText() {
        assertThat(RunbookSkeleton.markdownText("<instance> is *down* [x](y) `z`"))
                .isEqualTo("\\<instance\\> is \\*down\\* \\[x\\](y) \\`z\\`");
    }
}
