package dev.alertbook.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class HighlighterTest {

    @Test
    void yamlKeysValuesCommentsAndBlockScalars() {
        String yaml = """
                - alert: DiskFull   # pages
                  expr: |
                    node_filesystem_avail_bytes < 1e9
                  for: 5m
                  labels:
                    severity: "critical"
                    page: true
                  annotations:
                    summary: Disk <full> on {{ $labels.instance }}""";

        String html = Highlighter.html("yaml", yaml).orElseThrow();

        assertThat(html).startsWith("- <span class=\"hl-k\">alert</span>: DiskFull   <span class=\"hl-c\"># pages</span>\n"
                + "  <span class=\"hl-k\">expr</span>: <span class=\"hl-o\">|</span>\n"
                + "<span class=\"hl-s\">    node_filesystem_avail_bytes &lt; 1e9</span>\n"
                + "  <span class=\"hl-k\">for</span>: 5m\n");
        assertThat(html).contains("<span class=\"hl-k\">severity</span>: <span class=\"hl-s\">&quot;critical&quot;</span>",
                "<span class=\"hl-k\">page</span>: <span class=\"hl-n\">true</span>",
                "Disk &lt;full&gt; on {{ $labels.instance }}");
        assertThat(Jsoup.parse(html).text()).isEqualTo(Jsoup.parse(yaml.replace("<", "&lt;").replace(">", "&gt;")).text());
    }

    @Test
    void shellCommandsOptionsVariablesStringsAndComments() {
        String html = Highlighter.html("bash", "$ sudo systemctl restart \"$UNIT\" --no-block | tee -a log # now\nFOO=1 psql -c 'select 1'")
                .orElseThrow();

        assertThat(html).isEqualTo("<span class=\"hl-p\">$ </span><span class=\"hl-f\">sudo</span> "
                + "<span class=\"hl-f\">systemctl</span> restart <span class=\"hl-s\">&quot;$UNIT&quot;</span> "
                + "<span class=\"hl-o\">--no-block</span> <span class=\"hl-o\">|</span> <span class=\"hl-f\">tee</span> "
                + "<span class=\"hl-o\">-a</span> log <span class=\"hl-c\"># now</span>\n"
                + "FOO=1 <span class=\"hl-f\">psql</span> <span class=\"hl-o\">-c</span> <span class=\"hl-s\">'select 1'</span>");
    }

    @Test
    void unknownLanguagesAreLeftToTheCaller() {
        assertThat(Highlighter.html("cobol", "DISPLAY 'HI'")).isEmpty();
        assertThat(Highlighter.html("YAML", "a: 1")).isPresent();
    }
}
