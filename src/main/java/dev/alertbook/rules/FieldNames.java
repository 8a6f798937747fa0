package dev.alertbook.rules;

import dev.alertbook.text.Spelling;
import java.util.List;

/** The fix hint for an unknown field: the known field it is probably a misspelling of. */
final class FieldNames {

    private FieldNames() {
    }

    static String suggest(String key, List<String> known) {
        String list = "known fields are " + String.join(", ", known);
        return Spelling.closest(key, known)
                .map(candidate -> "did you mean " + candidate + "? (" + list + ")")
                .orElse("remove it or fix its name; " + list);
    }
}
