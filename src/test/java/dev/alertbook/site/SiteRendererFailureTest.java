package dev.alertbook.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The build deletes the staging folder after a failure, so no page may still be writing into it then. */
class SiteRendererFailureTest {

    @Test
    void anErrorInOnePageIsThrownOnlyOnceEveryOtherPageIsWritten() {
        CountDownLatch slowStarted = new CountDownLatch(1);
        SortedMap<String, SiteRenderer.Page> pages = new TreeMap<>();
        pages.put("a/index.html", () -> {
            // Fail only once the slow page is under way, so the failure cannot come first by luck.
            uninterrupted(() -> slowStarted.await(10, TimeUnit.SECONDS));
            throw new StackOverflowError();
        });
        for (int i = 0; i < 8; i++) {
            pages.put("p" + i + "/index.html", () -> {
                slowStarted.countDown();
                uninterrupted(() -> {
                    Thread.sleep(200);
                    return true;
                });
                return new byte[0];
            });
        }
        Set<String> written = ConcurrentHashMap.newKeySet();

        assertThatThrownBy(() -> SiteRenderer.render(pages, (path, content) -> written.add(path)))
                .isInstanceOf(StackOverflowError.class);
        assertThat(written).hasSize(8);
    }

    private interface Wait {
        boolean run() throws InterruptedException;
    }

    private static void uninterrupted(Wait wait) {
        try {
            wait.run();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
