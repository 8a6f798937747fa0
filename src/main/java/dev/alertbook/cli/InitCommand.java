package dev.alertbook.cli;

import dev.alertbook.starter.StarterRepository;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code alertbook init}: a starter repository that builds with no findings, to push as it is. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Start a runbook repository: configuration, example rules with their runbooks and unit tests, "
                + ".gitignore and a CI pipeline. It builds as it is; change it from there.",
            "Refuses a folder with files in it unless --force is given, and never overwrites a file."})
final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<dir>", arity = "0..1", defaultValue = ".",
            description = "Where to create the repository (default: the current folder).")
    Path directory;

    @Option(names = "--ci", paramLabel = "<system>", defaultValue = "github",
            description = "The CI pipeline to write: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    StarterRepository.Ci ci;

    @Option(names = "--force", description = "Write into a folder that has files already; existing files are kept.")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = directory.toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            err.println("alertbook: " + directory + " is a file; name a folder to create the repository in");
            return Main.USAGE;
        }
        StarterRepository.Written result;
        try {
            if (!force && hasFiles(dir)) {
                err.println("alertbook: " + directory + " is not empty; choose an empty or new folder, "
                        + "or add --force to add the starter files beside what is there (no file is overwritten)");
                return Main.USAGE;
            }
            result = StarterRepository.write(dir, ci, Main.Version.release());
        } catch (IOException e) {
            err.println("alertbook: cannot write the repository in " + directory + ": " + e.getMessage());
            return Main.USAGE;
        }
        result.written().forEach(file -> out.println("created " + file));
        result.kept().forEach(file -> out.println("kept    " + file + " (it exists already)"));
        String cd = dir.equals(Path.of("").toAbsolutePath()) ? "" : "cd " + directory + " && ";
        out.println();
        out.println("Next: " + cd + "alertbook serve   # preview on http://127.0.0.1:4000/");
        out.println("Add an alert to content/rules/, then `alertbook new runbook <AlertName>` writes its runbook.");
        return Main.OK;
    }

    /**
     * Whether {@code dir} holds anything but a {@code .git} folder: a repository just made with
     * {@code git init} or cloned empty is the place to start one. A missing folder holds nothing.
     */
    private static boolean hasFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.anyMatch(entry -> !entry.getFileName().toString().equals(".git"));
        }
    }
}
