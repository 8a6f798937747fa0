package dev.alertbook.lint;

import dev.alertbook.promql.Expr;
import dev.alertbook.promql.Matcher;
import dev.alertbook.promql.VectorSelector;
import java.util.function.BiConsumer;

/** Visits the regular-expression matchers ({@code =~}, {@code !~}) of an expression's selectors. */
final class RegexMatchers {

    private RegexMatchers() {
    }

    static void forEach(Expr expr, BiConsumer<VectorSelector, Matcher> action) {
        ExprTree.nodes(expr).filter(VectorSelector.class::isInstance).map(VectorSelector.class::cast)
                .forEach(selector -> selector.matchers().stream()
                        .filter(m -> m.type() == Matcher.Type.REGEX || m.type() == Matcher.Type.NOT_REGEX)
                        .forEach(matcher -> action.accept(selector, matcher)));
    }

    static String written(Matcher matcher) {
        return matcher.name() + matcher.type().text() + "\"" + matcher.value() + "\"";
    }
}
