package dev.alertbook.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** The words of a text as search looks them up: lower case, split at anything but letters and digits. */
public final class Words {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern WORD_START = Pattern.compile("(?<=[\\p{Ll}\\p{N}])(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})");

    private Words() {
    }

    public static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        forEach(text, words::add);
        return Collections.unmodifiableList(words);
    }

    /**
     * Gives each word of {@code text} to {@code action}, in order: the runs of letters and digits
     * ({@code [\p{L}\p{N}]}) of the text in lower case. A scan rather than splitting at a regular
     * expression, which took a fifth of loading a runbook.
     */
    public static void forEach(String text, Consumer<String> action) {
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int at = 0; at < lower.length(); ) {
            int codePoint = lower.codePointAt(at);
            if (isWordPart(codePoint)) {
                if (start < 0) {
                    start = at;
                }
            } else if (start >= 0) {
                action.accept(lower.substring(start, at));
                start = -1;
            }
            at += Character.charCount(codePoint);
        }
        if (start >= 0) {
            action.accept(lower.substring(start));
        }
    }

    /** A letter or a number, as {@code \p{L}} and {@code \p{N}} are. */
    private static boolean isWordPart(int codePoint) {
        if (codePoint < 0x80) {
            return codePoint >= 'a' && codePoint <= 'z' || codePoint >= '0' && codePoint <= '9'
                    || codePoint >= 'A' && codePoint <= 'Z';
        }
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /**
     * A name such as an alert's, plus every tail of it that starts a word, so that a prefix search
     * for "wiregu" finds {@code OPNsenseWireGuardPeerOffline} through "wireguardpeeroffline".
     */
    public static List<String> ofName(String name) {
        List<String> terms = new ArrayList<>(of(name));
        for (String part : NON_WORD.split(name)) {
            String[] words = WORD_START.split(part);
            for (int i = 0; i < words.length; i++) {
                terms.add(String.join("", List.of(words).subList(i, words.length)).toLowerCase(Locale.ROOT));
            }
        }
        return terms.stream().distinct().filter(term -> !term.isEmpty()).toList();
    }
}
