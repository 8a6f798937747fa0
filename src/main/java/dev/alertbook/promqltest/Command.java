package dev.alertbook.promqltest;

import java.util.List;

/** One command of a promqltest script; {@code line} is 1-based. */
sealed interface Command {

    int line();

    record Clear(int line) implements Command {
    }

    /** A {@code load} block; {@code nhcb} marks {@code load_with_nhcb}. */
    record Load(int line, long intervalMillis, boolean nhcb, List<String> series) implements Command {
    }

    /** An {@code eval}, as written; its body lines are kept for {@link Expectations}. */
    record Eval(int line, String header, String query, boolean range, long start, long end, long step,
            Expectations expect) implements Command {
    }
}
