package dev.alertbook.lint;

import dev.alertbook.golang.Quoting;
import dev.alertbook.promql.Expr;
import dev.alertbook.promql.Matcher;
import dev.alertbook.promql.VectorSelector;
import java.util.function.BiConsumer;

/** Visits the regular-expression matchers ({@code =~}, {@code !~}) of an expression's selectors. */
final class RegexMatchers {

    private static final String SPECIAL = "\\.+*?()|[]{}^$";

    private RegexMatchers() {
    }

    static void forEach(Expr expr, BiConsumer<VectorSelector, Matcher> action) {
        ExprTree.nodes(expr).filter(VectorSelector.class::isInstance).map(VectorSelector.class::cast)
                .forEach(selector -> selector.matchers().stream()
                        .filter(m -> m.type() == Matcher.Type.REGEX || m.type() == Matcher.Type.NOT_REGEX)
                        .forEach(matcher -> action.accept(selector, matcher)));
    }

    /** Whether a pattern has no special characters, so it matches exactly its own text. */
    static boolean isPlain(String pattern) {
        return !pattern.isEmpty() && pattern.chars().noneMatch(c -> SPECIAL.indexOf(c) >= 0);
    }

    /** The equality matcher that says what a regex matcher with the plain pattern {@code value} does. */
    static String asEquality(Matcher matcher, String value) {
        return matcher.name() + (matcher.type() == Matcher.Type.REGEX ? "=" : "!=") + Quoting.quote(value);
    }

    static String written(Matcher matcher) {
        return matcher.name() + matcher.type().text() + "\"" + matcher.value() + "\"";
    }
}
