package dev.alertbook.ruletest.run;

import dev.alertbook.ruletest.TestFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Test results kept from one run to the next, for the preview server. A test file's outcome
 * depends only on the file, the rule files it names and the runner, so it runs again only when
 * one of those changed: an edited runbook costs no test run at all.
 */
public final class TestCache {

    private record Key(TestFile file, List<Stamp> ruleFiles, TestRunner runner) {
    }

    /** A rule file as it lay on disk: rewriting it changes its size or its modification time. */
    private record Stamp(Path path, long size, long modifiedMicros) {

        static Stamp of(Path path) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                return new Stamp(path, attributes.size(), attributes.lastModifiedTime().to(TimeUnit.MICROSECONDS));
            } catch (IOException e) {
                return new Stamp(path, -1, -1);
            }
        }
    }

    private Map<Key, FileResult> results = Map.of();

    /** Runs the test files that changed since the last run, on every core; results keep the files' order. */
    public synchronized TestReport run(List<TestFile> files, TestRunner runner) {
        Map<Key, FileResult> previous = results;
        List<Key> keys = files.stream()
                .map(file -> new Key(file, file.ruleFiles().stream().map(Stamp::of).toList(), runner)).toList();
        List<FileResult> ran = keys.parallelStream()
                .map(key -> previous.containsKey(key) ? previous.get(key) : runner.run(key.file())).toList();
        Map<Key, FileResult> next = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            next.put(keys.get(i), ran.get(i));
        }
        results = next;
        return new TestReport(ran);
    }
}
