package dev.alertbook.lint;

import dev.alertbook.diag.Severity;
import dev.alertbook.model.RunbookPage;
import dev.alertbook.promql.ParseResult;
import dev.alertbook.promql.PromQL;
import dev.alertbook.runbook.CodeBlock;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code runbook/promql-syntax}: a code block tagged {@code promql} that Prometheus would not
 * parse, which the on-call reader finds out only when pasting it under pressure. A block may hold
 * several queries separated by blank lines. Blocks with template or placeholder text
 * ({@code {{ $labels.x }}}, {@code <instance>}) are meant to be filled in and are skipped.
 */
final class PromqlCodeBlocks extends CheckBase implements RunbookCheck {

    private static final Pattern PLACEHOLDER = Pattern.compile("<[A-Za-z_][A-Za-z0-9_ -]*>");

    PromqlCodeBlocks() {
        super("runbook/promql-syntax", Severity.WARNING);
    }

    /** Every page's queries are pasted alike, runbook or not. */
    @Override
    public void run(LintContext context) {
        context.model().pages().forEach(page -> context.checkOnce(this, page));
    }

    @Override
    public void check(RunbookPage page, LintContext context) {
        for (CodeBlock block : page.runbook().body().codeBlocks()) {
            if (isPromql(block)) {
                String code = block.content();
                if (code.contains("{{") || PLACEHOLDER.matcher(code).find()) {
                    continue;
                }
                check(page, block, context);
            }
        }
    }

    private void check(RunbookPage page, CodeBlock block, LintContext context) {
        String code = block.content();
        int offset = 0;
        for (String query : code.split("\n[ \t]*\n", -1)) {
            int start = code.indexOf(query, offset);
            ParseResult parsed = PromQL.parse(query, context.config().promql());
            if (!query.isBlank() && !parsed.isValid()) {
                context.report(this, page.runbook().source().path(), block.position(start + parsed.error().get().offset()),
                        "this PromQL query does not parse: " + parsed.errorText() + "; fix it so readers can paste it");
            }
            offset = start + query.length();
        }
    }

    private static boolean isPromql(CodeBlock block) {
        String info = block.info().strip().toLowerCase(Locale.ROOT);
        return info.equals("promql") || info.startsWith("promql ") || info.startsWith("promql{");
    }
}
