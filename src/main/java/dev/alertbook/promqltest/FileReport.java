package dev.alertbook.promqltest;

import java.util.List;

/** The outcomes of one script; {@code error} is set when the script could not be read or parsed, or stopped early. */
public record FileReport(String file, List<EvalOutcome> evals, String error) {

    public FileReport {
        evals = List.copyOf(evals);
    }

    public long count(EvalOutcome.Status status) {
        return evals.stream().filter(e -> e.status() == status).count();
    }
}
