package dev.alertbook.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
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

    /**
     * The commands, in the order help lists them. picocli reads a command's annotations when it
     * is registered, which took a tenth of a second of every start on a cold JVM for all of them;
     * so when the command line starts with a command's name only that one is registered, and
     * otherwise (help, a typo, options first) all of them are.
     */
    static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("init", InitCommand::new);
        commands.put("new", NewCommand::new);
        commands.put("build", BuildCommand::new);
        commands.put("check", CheckCommand::new);
        commands.put("test", TestCommand::new);
        commands.put("serve", ServeCommand::new);
        commands.put("promqltest", PromqltestCommand::new);
        commands.put("completion", CompletionCommand::new);
        commands.put("help", CommandLine.HelpCommand::new);
        return Collections.unmodifiableMap(commands);
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print the stack trace of internal errors.")
    boolean debug;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: use init to start a repository, or build, check, test or serve");
    }

    public static void main(String[] args) {
        Warmup.start();
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line with the given streams; what {@link #main} and the tests call. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Main main = new Main();
        CommandLine commandLine = commandLine(main, commandsFor(args));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            err.println("alertbook: " + Suggestions.message(e) + " (see '"
                    + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
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

    /** The command line with every command, for what describes them all, such as completion scripts. */
    static CommandLine fullCommandLine() {
        return commandLine(new Main(), COMMANDS.values());
    }

    private static CommandLine commandLine(Main main, Collection<Supplier<Object>> commands) {
        CommandLine commandLine = new CommandLine(main);
        for (Supplier<Object> command : commands) {
            commandLine.addSubcommand(command.get());
        }
        return commandLine;
    }

    /** The commands to register for {@code args}: the one they start with, or all of them. */
    private static Collection<Supplier<Object>> commandsFor(String[] args) {
        Supplier<Object> named = args.length == 0 || args[0].equals("help") ? null : COMMANDS.get(args[0]);
        return named == null ? COMMANDS.values() : List.of(named);
    }

    private static int internalError(Throwable e, boolean debug, PrintWriter err) {
        err.println("alertbook: internal error (" + e + "); this is a bug in alertbook, please report it"
                + (debug ? "" : " with the output of --debug"));
        if (debug) {
            e.printStackTrace(err);
        }
        return INTERNAL;
    }

    /**
     * The version, which Maven writes into {@code version.properties}, and the commit alertbook was
     * built from, which the build writes into {@code commit} ("unknown" outside a git repository).
     */
    static final class Version implements CommandLine.IVersionProvider {

        private static final Properties BUILD = read();

        @Override
        public String[] getVersion() {
            return new String[] {"alertbook " + property("version").orElse("(development build)")
                    + " (commit " + commit() + ")",
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }

        /** The release this build is or leads up to (a snapshot's version without its suffix). */
        static String release() {
            return property("version").orElse("0.0.0").replace("-SNAPSHOT", "");
        }

        /** A property Maven filled in, or empty if it had no value for it. */
        private static Optional<String> property(String name) {
            return Optional.ofNullable(BUILD.getProperty(name)).filter(v -> !v.isBlank() && !v.startsWith("${"));
        }

        private static String commit() {
            try (InputStream in = Main.class.getResourceAsStream("commit")) {
                return in == null ? "unknown" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Properties read() {
            Properties build = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    build.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return build;
        }
    }
}
