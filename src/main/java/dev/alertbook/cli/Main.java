package dev.alertbook.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code alertbook} command: parses the command line and maps every outcome to an exit code. */
@Command(name = "alertbook",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Builds a checked, linked runbook site from Prometheus alerting rules and Markdown runbooks.",
        subcommands = {BuildCommand.class, CheckCommand.class, TestCommand.class, ServeCommand.class, PromqltestCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success, nothing at error level",
            "1:problems at error level were found (a build writes nothing)",
            "2:bad usage, or the output could not be written",
            "3:internal error in alertbook (please report it; run again with --debug for details)"})
public final class Main implements Runnable {

    static final int OK = 0;
    static final int FINDINGS = 1;
    static final int USAGE = 2;
    static final int INTERNAL = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print the stack trace of internal errors.")
    boolean debug;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: use build or check");
    }

    public static void main(String[] args) {
        Warmup.start();
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line with the given streams; what {@link #main} and the tests call. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Main main = new Main();
        CommandLine commandLine = new CommandLine(main);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            err.println("alertbook: " + e.getMessage() + " (see 'alertbook --help')");
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> internalError(e, main.debug, err));
        int code;
        try {
            code = commandLine.execute(args);
        } catch (Throwable e) {
            // picocli hands only exceptions to the handler above; an Error, such as a stack
            // overflow deep in a library, is as much a bug in alertbook and is reported the same way.
            code = internalError(e, main.debug, err);
        }
        out.flush();
        err.flush();
        return code;
    }

    private static int internalError(Throwable e, boolean debug, PrintWriter err) {
        err.println("alertbook: internal error (" + e + "); this is a bug in alertbook, please report it"
                + (debug ? "" : " with the output of --debug"));
        if (debug) {
            e.printStackTrace(err);
        }
        return INTERNAL;
    }

    /** The version recorded in the jar's manifest at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"alertbook " + (version == null ? "(development build)" : version)};
        }
    }
}
