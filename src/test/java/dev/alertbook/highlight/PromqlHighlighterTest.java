package dev.alertbook.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class PromqlHighlighterTest {

    @Test
    void classifiesEveryPartOfAQuery() {
        String query = "sum by (job, le) (rate(http_request_duration_seconds_bucket{job=~\"api|web\"}[5m])) > 0.5 # slow";

        String html = Highlighter.html("promql", query).orElseThrow();

        assertThat(html).isEqualTo("<a class=\"hl-f\" href=\"" + PromqlHighlighter.AGGREGATIONS + "\">sum</a> "
                + "<span class=\"hl-k\">by</span> (<span class=\"hl-l\">job</span>, <span class=\"hl-l\">le</span>) "
                + "(<a class=\"hl-f\" href=\"" + PromqlHighlighter.FUNCTIONS + "rate\">rate</a>("
                + "<span class=\"hl-m\">http_request_duration_seconds_bucket</span>{<span class=\"hl-l\">job</span>"
                + "<span class=\"hl-o\">=~</span><span class=\"hl-s\">&quot;api|web&quot;</span>}[<span class=\"hl-n\">5m</span>])) "
                + "<span class=\"hl-o\">&gt;</span> <span class=\"hl-n\">0.5</span> <span class=\"hl-c\"># slow</span>");
    }

    @Test
    void keepsEveryCharacterOfQueriesThatDoNotParse() {
        for (String query : new String[] {"rate(up[5m", "up{job=\"x", "a and on(instance) group_left(x) b", "foo @ start()"}) {
            String html = Highlighter.html("promql", query).orElseThrow();
            assertThat(Jsoup.parse(html).text()).as(query).isEqualTo(query);
        }
    }

    @Test
    void labelsInMatchingModifiersAreLabelsAndNotMetrics() {
        String html = Highlighter.html("promql", "a / on(instance) group_left(team) b").orElseThrow();

        assertThat(html).contains("<span class=\"hl-l\">instance</span>", "<span class=\"hl-l\">team</span>",
                "<span class=\"hl-m\">a</span>", "<span class=\"hl-m\">b</span>");
    }
}
