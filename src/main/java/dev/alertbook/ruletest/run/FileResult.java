package dev.alertbook.ruletest.run;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The outcome of one test file. {@code failures} are failures of the file as a whole (it did not
 * load, a rule file is invalid); {@code warnings} are promtool's, such as a glob without a match.
 * {@code ruleFiles} are the rule files its tests ran.
 */
public record FileResult(String path, List<Path> ruleFiles, List<String> warnings, List<Failure> failures,
        List<GroupResult> groups) {

    public boolean passed() {
        return failures.isEmpty() && groups.stream().allMatch(GroupResult::passed);
    }

    /** Every error text in the order promtool prints them. */
    public List<String> allErrors() {
        return Stream.concat(failures.stream().map(Failure::text), groups.stream().flatMap(g -> g.errors().stream())).toList();
    }
}
