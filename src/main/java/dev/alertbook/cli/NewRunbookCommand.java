package dev.alertbook.cli;

import dev.alertbook.config.SiteConfig;
import dev.alertbook.model.AlertEntry;
import dev.alertbook.model.SiteModel;
import dev.alertbook.pipeline.Pipeline;
import dev.alertbook.starter.RunbookSkeleton;
import dev.alertbook.text.Spelling;
import dev.alertbook.workspace.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code alertbook new runbook}: a runbook skeleton for an alert of the rule files, in the folder
 * its runbook belongs in. It never overwrites a file, and an alert that has a runbook anywhere
 * gets no second one.
 */
@Command(name = "runbook", mixinStandardHelpOptions = true,
        description = {"Write a runbook skeleton for an alert: front matter from its rule, its summary and description, "
                + "and a prompt under each required section.",
            "Written to <contentDir>/<group>/<Alert>.md; the group defaults to the name of the alert's rule file."})
final class NewRunbookCommand implements Callable<Integer> {

    /** How many alert names containing a mistyped one to offer. */
    private static final int SUGGESTIONS = 5;

    @Spec
    CommandSpec spec;

    @Mixin
    RepositoryOptions repository;

    @ArgGroup(multiplicity = "1")
    Which which;

    static final class Which {
        @Parameters(paramLabel = "<Alert>", description = "The alert, as named by `alert:` in a rule file.")
        String alert;

        @Option(names = "--missing", description = "Write a runbook for every alert that has none.")
        boolean missing;
    }

    @Option(names = "--group", paramLabel = "<group>",
            description = "The folder under the runbooks folder (default: the rule file's name without .yml).")
    String group;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Workspace workspace = repository.load(err);
        if (workspace == null) {
            return Main.USAGE;
        }
        if (group != null && (group.isBlank() || group.contains("..") || group.startsWith("/"))) {
            err.println("alertbook: --group " + group + " is not a folder name below " + workspace.config().contentDir());
            return Main.USAGE;
        }
        SiteModel model = Pipeline.link(workspace);
        Map<String, AlertEntry> alerts = new LinkedHashMap<>();
        model.alerts().forEach(alert -> alerts.putIfAbsent(alert.name(), alert));
        if (which.missing) {
            return writeMissing(model, alerts, out, err);
        }
        AlertEntry alert = alerts.get(which.alert);
        if (alert == null) {
            err.println("alertbook: no rule file defines the alert " + which.alert + suggestion(which.alert, alerts.keySet())
                    + "; the rule files are read from " + String.join(", ", workspace.config().rulesDirs()));
            return Main.USAGE;
        }
        Optional<String> existing = runbookOf(model, alert.name());
        if (existing.isPresent()) {
            err.println("alertbook: " + alert.name() + " has a runbook already, " + existing.get() + "; nothing was written");
            return Main.FINDINGS;
        }
        return write(workspace.config(), alert, out, err) ? Main.OK : Main.FINDINGS;
    }

    private int writeMissing(SiteModel model, Map<String, AlertEntry> alerts, PrintWriter out, PrintWriter err) {
        List<AlertEntry> missing = alerts.values().stream().filter(alert -> runbookOf(model, alert.name()).isEmpty()).toList();
        if (missing.isEmpty()) {
            out.println("Every alert has a runbook (" + alerts.size() + " alerts); nothing was written.");
            return Main.OK;
        }
        boolean all = true;
        for (AlertEntry alert : missing) {
            all &= write(model.workspace().config(), alert, out, err);
        }
        return all ? Main.OK : Main.FINDINGS;
    }

    /** The path of the runbook of the alert named {@code name}, if one of its rules has one. */
    private static Optional<String> runbookOf(SiteModel model, String name) {
        return model.alerts().stream().filter(alert -> alert.name().equals(name))
                .flatMap(alert -> model.runbookOf(alert).stream())
                .map(page -> page.runbook().source().path()).findFirst();
    }

    private boolean write(SiteConfig config, AlertEntry alert, PrintWriter out, PrintWriter err) {
        String folder = group != null ? group : RunbookSkeleton.defaultGroup(alert);
        String path = RunbookSkeleton.path(config, folder, alert);
        Path file = repository.root().resolve(path);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, RunbookSkeleton.markdown(config, alert, folder), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            err.println("alertbook: " + path + " exists already and is not the runbook of " + alert.name()
                    + "; nothing was written. Choose another folder with --group");
            return false;
        } catch (IOException e) {
            err.println("alertbook: cannot write " + path + ": " + e.getMessage());
            return false;
        }
        out.println("created " + path + " for " + alert.name() + " (" + alert.file().path() + ")");
        return true;
    }

    /** The known alerts close to a mistyped name: the closest spelling and the names that contain it. */
    private static String suggestion(String name, Set<String> known) {
        Set<String> close = new LinkedHashSet<>();
        Spelling.closest(name, known).ifPresent(close::add);
        String lower = name.toLowerCase(Locale.ROOT);
        known.stream().filter(alert -> alert.toLowerCase(Locale.ROOT).contains(lower)).forEach(close::add);
        List<String> offered = new ArrayList<>(close).subList(0, Math.min(close.size(), SUGGESTIONS));
        return offered.isEmpty() ? "" : " (did you mean " + String.join(" or ", offered) + "?)";
    }
}
