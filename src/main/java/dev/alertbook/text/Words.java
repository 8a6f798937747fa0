package dev.alertbook.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The words of a text as search looks them up: lower case, split at anything but letters and digits. */
public final class Words {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern WORD_START = Pattern.compile("(?<=[\\p{Ll}\\p{N}])(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})");

    private Words() {
    }

    public static List<String> of(String text) {
        return NON_WORD.splitAsStream(text.toLowerCase(Locale.ROOT)).filter(term -> !term.isEmpty()).toList();
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
