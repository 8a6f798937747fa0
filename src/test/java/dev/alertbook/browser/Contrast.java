package dev.alertbook.browser;

import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * WCAG 2 contrast of the text on the open page, computed from the browser's own colours: every
 * element with text of its own, against the backgrounds behind it, in the colours it is shown in.
 */
final class Contrast {

    private static final String SCRIPT = """
            const rgba = c => { const v = c.match(/[\\d.]+/g).map(Number); return v.length < 4 ? v.concat(1) : v; };
            const over = (top, under) => [0, 1, 2].map(i => top[i] * top[3] + under[i] * (1 - top[3])).concat(1);
            const background = el => {
              const layers = [];
              for (let e = el; e; e = e.parentElement) {
                const c = rgba(getComputedStyle(e).backgroundColor);
                if (c[3] > 0) layers.push(c);
                if (c[3] === 1) break;
              }
              return layers.reduceRight((under, top) => over(top, under), [255, 255, 255, 1]);
            };
            const luminance = c => c.slice(0, 3).map(v => v / 255)
              .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4))
              .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
            const failures = [];
            for (const el of document.querySelectorAll("body *")) {
              const text = Array.from(el.childNodes).filter(n => n.nodeType === 3).map(n => n.textContent).join("").trim();
              const style = getComputedStyle(el);
              if (!text || !el.getClientRects().length || style.visibility === "hidden") continue;
              const under = background(el);
              const ink = over(rgba(el instanceof SVGElement ? style.fill : style.color), under);
              const [light, dark] = [luminance(ink), luminance(under)].sort((a, b) => b - a);
              const ratio = (light + 0.05) / (dark + 0.05);
              const size = parseFloat(style.fontSize);
              const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
              if (ratio < (large ? 3 : 4.5)) {
                failures.push(el.tagName.toLowerCase() + (el.getAttribute("class") ? "." + el.getAttribute("class") : "") + " \\"" + text.slice(0, 30)
                  + "\\": " + ratio.toFixed(2) + ":1");
              }
            }
            return failures;
            """;

    private Contrast() {
    }

    /** The texts below AA: 4.5:1, or 3:1 for large text. */
    @SuppressWarnings("unchecked")
    static List<String> failures(ChromeDriver driver) {
        return (List<String>) driver.executeScript(SCRIPT);
    }
}
