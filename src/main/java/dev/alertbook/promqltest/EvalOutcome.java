package dev.alertbook.promqltest;

/** What became of one eval: passed, failed (with expected vs actual), or skipped (with the feature it needs). */
public record EvalOutcome(int line, String query, Status status, String reason) {

    public enum Status { PASS, FAIL, SKIP }

    static EvalOutcome pass(Command.Eval eval) {
        return new EvalOutcome(eval.line(), eval.query(), Status.PASS, "");
    }

    static EvalOutcome fail(Command.Eval eval, String reason) {
        return new EvalOutcome(eval.line(), eval.query(), Status.FAIL, reason);
    }

    static EvalOutcome skip(Command.Eval eval, String reason) {
        return new EvalOutcome(eval.line(), eval.query(), Status.SKIP, reason);
    }
}
