package dev.alertbook.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathGlobTest {

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource({
            "content/runbooks/snmptrap/**, content/runbooks/snmptrap/LinkDown.md, true",
            "content/runbooks/snmptrap/**, content/runbooks/snmptrap/cisco/LinkDown.md, true",
            "content/runbooks/snmptrap/**, content/runbooks/snmptrap-other/LinkDown.md, false",
            "content/runbooks/snmptrap, content/runbooks/snmptrap/LinkDown.md, true",
            "content/runbooks/snmptrap/, content/runbooks/snmptrap/LinkDown.md, true",
            "./content/runbooks/snmp*, content/runbooks/snmptrap/LinkDown.md, true",
            "content/runbooks/*.md, content/runbooks/db/DbDown.md, false",
            "content/runbooks/*/*.md, content/runbooks/db/DbDown.md, true",
            "**/*.md, content/runbooks/db/DbDown.md, true",
            "**/*.md, README.md, true",
            "**/_index.md, content/runbooks/db/DbDown.md, false",
            "rules/db?.yml, rules/db1.yml, true",
            "rules/db?.yml, rules/db.yml, false",
            "rules/**/legacy/*.yml, rules/legacy/a.yml, true",
            "rules/**/legacy/*.yml, rules/x/y/legacy/a.yml, true",
            "rules/**/legacy/*.yml, rules/x/y/legacy/sub/a.yml, false",
            "rules/a.yml, rules/a.yml.bak, false",
    })
    void matchesWholeSegments(String pattern, String path, boolean matches) {
        assertThat(new PathGlob(pattern).matches(path)).isEqualTo(matches);
    }
}
