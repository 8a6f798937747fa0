package dev.alertbook.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Runs axe-core on the page the browser shows, for the rules of WCAG 2.1 levels A and AA, and
 * returns each violation as {@code rule: what is wrong (where)}.
 */
final class Axe {

    private static final String SCRIPT = script();

    private Axe() {
    }

    @SuppressWarnings("unchecked")
    static List<String> violations(ChromeDriver driver) {
        driver.executeScript(SCRIPT);
        Object found = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } })
                  .then(result => done(result.violations.map(v => v.id + ": " + v.help + " ("
                      + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ") + ")")))
                  .catch(error => done(["axe failed: " + error]));
                """);
        return (List<String>) found;
    }

    private static String script() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is missing from the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
