package dev.alertbook.harness;

import java.util.List;

/**
 * The outcome of one test file. {@code errors} are failures of the file as a whole (it did not
 * load, a rule file is invalid); {@code warnings} are promtool's, such as a glob without a match.
 */
public record FileResult(String path, List<String> warnings, List<String> errors, List<GroupResult> groups) {

    public boolean passed() {
        return errors.isEmpty() && groups.stream().allMatch(GroupResult::passed);
    }

    /** Every error in the order promtool prints them. */
    public List<String> allErrors() {
        return java.util.stream.Stream.concat(errors.stream(), groups.stream().flatMap(g -> g.errors().stream())).toList();
    }
}
