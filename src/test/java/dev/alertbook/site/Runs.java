package dev.alertbook.site;

import dev.alertbook.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs alertbook as its command line does and keeps what it printed, for tests of whole builds. */
final class Runs {

    record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Runs() {
    }

    static Result run(String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(arguments, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }
}
