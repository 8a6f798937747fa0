package dev.alertbook.cli;

import dev.alertbook.cache.RunCache;
import dev.alertbook.files.FileTrees;
import dev.alertbook.site.SiteWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A run of {@code build} or {@code check} through the repository's {@link RunCache}: when the
 * last run read exactly the same files, what it printed is printed again (and its site put in
 * place) without loading anything; otherwise the command runs, and what it printed and wrote is
 * kept for the next time.
 */
final class CachedRun {

    /** A command's work, printing to {@code out} and {@code err}; returns the exit code. */
    interface Body {
        int run(PrintWriter out, PrintWriter err);
    }

    /**
     * The JVM option that turns the cache off for every run, -Dalertbook.cache=off (through
     * ALERTBOOK_JAVA_OPTS), for checkouts nothing may be written into.
     */
    static final String OFF_SWITCH = "alertbook.cache";

    private CachedRun() {
    }

    /**
     * Runs {@code body} as the command {@code spec} names, in the repository {@code root} read as
     * {@code configured}; {@code output} is the site folder, written by the command if {@code
     * writesSite}, never read as an input.
     */
    static int run(CommandSpec spec, Path root, RepositoryOptions.Configured configured, Optional<Path> output,
            boolean writesSite, Body body) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ("off".equals(System.getProperty(OFF_SWITCH))) {
            return body.run(out, err);
        }
        List<String> args = new ArrayList<>(List.of(spec.qualifiedName()));
        args.addAll(spec.commandLine().getParseResult().originalArgs());
        RunCache cache;
        Optional<RunCache.Run> last;
        try {
            cache = RunCache.of(root, spec.name(), configured.file(), configured.inputFolders(root), args, output);
            last = cache.lookup();
        } catch (IOException | RuntimeException e) {
            return body.run(out, err);
        }
        if (last.isPresent() && replay(last.get(), output, writesSite, out, err)) {
            return last.get().exitCode();
        }
        StringWriter printed = new StringWriter();
        StringWriter reported = new StringWriter();
        PrintWriter teeOut = new PrintWriter(new Tee(out, printed));
        PrintWriter teeErr = new PrintWriter(new Tee(err, reported));
        int code = body.run(teeOut, teeErr);
        teeOut.flush();
        teeErr.flush();
        if (code == Main.OK || code == Main.FINDINGS) {
            Optional<Path> site = output.filter(folder -> writesSite && code == Main.OK && Files.isDirectory(folder));
            cache.store(new RunCache.Run(code, printed.toString(), reported.toString(), site));
        }
        return code;
    }

    /**
     * Prints the last run again and puts its site in place; false if the site cannot be, so the
     * command must run (which then says why, if the output folder is the problem).
     */
    private static boolean replay(RunCache.Run run, Optional<Path> output, boolean writesSite, PrintWriter out, PrintWriter err) {
        if (writesSite && run.site().isPresent() && output.isPresent()) {
            if (SiteWriter.refusal(output.get()) != null) {
                return false;
            }
            try {
                // Usually the site is still the one the last run wrote and linked into the cache.
                if (!FileTrees.sameFiles(output.get(), run.site().get())) {
                    try (SiteWriter.Staging staging = SiteWriter.begin(output.get())) {
                        staging.linkAll(run.site().get());
                        staging.commit();
                    }
                }
            } catch (IOException e) {
                return false;
            }
        }
        out.print(run.out());
        out.flush();
        err.print(run.err());
        err.println("(nothing changed since the last run: replayed from .alertbook/cache; --no-cache runs afresh)");
        err.flush();
        return true;
    }

    /** Writes to the stream the user sees and keeps a copy. */
    private static final class Tee extends Writer {
        private final Writer shown;
        private final Writer kept;

        Tee(Writer shown, Writer kept) {
            this.shown = shown;
            this.kept = kept;
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            shown.write(buffer, offset, length);
            kept.write(buffer, offset, length);
        }

        @Override
        public void flush() throws IOException {
            shown.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
