package dev.alertbook.promqltest;

import com.google.re2j.Pattern;
import dev.alertbook.promql.series.SeriesLine;
import java.util.ArrayList;
import java.util.List;

/**
 * What an eval expects: an error (optionally its message or a regex), annotations, order, and the
 * result as series lines, a scalar, a string, or an instant query's range vector.
 */
final class Expectations {

    /** An {@code expect fail|warn|info} line: {@code msg} or {@code regex} may be null. */
    record Expect(String msg, Pattern regex) {
    }

    Expect fail;
    final List<Expect> warn = new ArrayList<>();
    final List<Expect> info = new ArrayList<>();
    boolean anyWarn;
    boolean anyInfo;
    boolean noWarn;
    boolean noInfo;
    boolean ordered;
    Double scalar;
    String string;
    long[] rangeVector;
    final List<SeriesLine> series = new ArrayList<>();
}
