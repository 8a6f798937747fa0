package dev.alertbook.model;

import dev.alertbook.runbook.Runbook;
import java.util.List;
import java.util.Optional;

/**
 * A folder of the content folder: its own page ({@code _index.md}, {@code index.md} or
 * {@code README.md}) if it has one, its runbooks and pages, and its subfolders. The root is the
 * content folder itself, published at {@code /runbooks/}.
 *
 * @param group    the folder relative to the content folder, "" for the root, nested ones joined by "/"
 * @param pages    the runbooks and pages of this folder, by front matter {@code weight}, then URL
 * @param children the subfolders that hold something, by the {@code weight} of their own page, then URL
 */
public record Section(String group, String url, Optional<Runbook> index, List<RunbookPage> pages, List<Section> children) {

    public Section {
        pages = List.copyOf(pages);
        children = List.copyOf(children);
    }

    /** The title of its own page, else the folder's name; the root is "Runbooks". */
    public String title() {
        return index.map(Runbook::title).orElse(group.isEmpty() ? "Runbooks" : group.substring(group.lastIndexOf('/') + 1));
    }

    /** How many runbooks of alerts this folder and its subfolders hold. */
    public int runbookCount() {
        return (int) pages.stream().filter(RunbookPage::isRunbook).count()
                + children.stream().mapToInt(Section::runbookCount).sum();
    }

    /** How many other pages this folder and its subfolders hold. */
    public int otherPageCount() {
        return (int) pages.stream().filter(page -> !page.isRunbook()).count()
                + children.stream().mapToInt(Section::otherPageCount).sum();
    }

    /** The group of the folder holding this one, or empty for the root. */
    public Optional<String> parentGroup() {
        return group.isEmpty() ? Optional.empty()
                : Optional.of(group.contains("/") ? group.substring(0, group.lastIndexOf('/')) : "");
    }
}
