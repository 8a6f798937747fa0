package dev.alertbook.runbook;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A text with some spans replaced that can still tell where each of its characters came from, so
 * positions found in the Markdown parser's input are reported at the right place of the file.
 */
final class EditedText {

    private final String text;
    // After editedOffsets[i], offsets advance in step with the original from originalOffsets[i].
    private final int[] editedOffsets;
    private final int[] originalOffsets;

    private EditedText(String text, int[] editedOffsets, int[] originalOffsets) {
        this.text = text;
        this.editedOffsets = editedOffsets;
        this.originalOffsets = originalOffsets;
    }

    /** Applies edits that do not overlap, in any order. */
    static EditedText apply(String original, List<Edit> edits) {
        List<Edit> ordered = edits.stream().sorted(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end)).toList();
        StringBuilder out = new StringBuilder(original.length());
        int[] edited = new int[2 * ordered.size() + 1];
        int[] source = new int[edited.length];
        int copied = 0;
        int anchor = 1;
        for (Edit edit : ordered) {
            out.append(original, copied, edit.start());
            edited[anchor] = out.length();
            source[anchor++] = edit.start();
            out.append(edit.replacement());
            edited[anchor] = out.length();
            source[anchor++] = edit.end();
            copied = edit.end();
        }
        out.append(original, copied, original.length());
        return new EditedText(out.toString(), edited, source);
    }

    String text() {
        return text;
    }

    /** The offset in the original text of {@code offset} in the edited one. */
    int originalOffset(int offset) {
        int found = Arrays.binarySearch(editedOffsets, offset);
        // Two anchors share an offset where an edit removes all; the later one is after the edit.
        int anchor = found >= 0 ? lastAnchorAt(found) : -found - 2;
        // Odd anchors start a replacement, which came from the whole span it replaced: its start.
        return anchor % 2 == 1 ? originalOffsets[anchor] : originalOffsets[anchor] + offset - editedOffsets[anchor];
    }

    private int lastAnchorAt(int index) {
        int last = index;
        while (last + 1 < editedOffsets.length && editedOffsets[last + 1] == editedOffsets[index]) {
            last++;
        }
        return last;
    }
}
