package dev.alertbook.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A throw-away runbook repository for CLI tests, and a way to run alertbook on it. */
final class Repo {

    final Path root;

    Repo(Path root) {
        this.root = root;
    }

    Repo write(String path, String text) throws IOException {
        return writeBytes(path, text.getBytes(StandardCharsets.UTF_8));
    }

    Repo writeBytes(String path, byte[] bytes) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return this;
    }

    /** A repository with one valid alert and its runbook, to which a test adds one bad file. */
    static Repo minimal(Path root) throws IOException {
        return new Repo(root)
                .write("content/rules/db.yml", """
                        groups:
                          - name: db
                            rules:
                              - alert: DbDown
                                expr: up{job="db"} == 0
                                for: 5m
                                labels:
                                  severity: critical
                                annotations:
                                  summary: Database {{ $labels.instance }} is down
                                  description: The database has not answered scrapes for 5 minutes.
                        """)
                .write("content/runbooks/db/DbDown.md", """
                        ---
                        title: Database down
                        ---
                        # Database down

                        ## Meaning

                        The database stopped answering.
                        """);
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] full = new String[args.length + 1];
        full[0] = args[0];
        full[1] = "-C=" + root;
        System.arraycopy(args, 1, full, 2, args.length - 1);
        int code = Main.run(full, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    static Result runBare(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }
}
