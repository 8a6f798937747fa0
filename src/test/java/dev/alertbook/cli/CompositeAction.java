package dev.alertbook.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * Runs the steps of a composite GitHub Action ({@code action.yml}) the way a runner does: each
 * {@code run} step as {@code bash --noprofile --norc -eo pipefail} in the workspace, with its
 * {@code env} expressions filled in from the inputs and earlier steps' outputs, and
 * {@code $GITHUB_OUTPUT} read back after it. Steps that {@code uses} another action are only
 * recorded, with their {@code with} filled in. An expression it does not know fails the run, so
 * a step cannot quietly get an empty value here that it would get a real one from on GitHub.
 */
final class CompositeAction {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*([^}]*?)\\s*}}");

    /** A step that ran: its id, exit code and what it printed. */
    record Ran(String id, int code, String output) {
    }

    /** A step that uses another action: what it would be given, and its condition. */
    record Used(String uses, String condition, Map<String, String> with) {
    }

    record Run(List<Ran> ran, List<Used> used, Map<String, Map<String, String>> outputs) {
        int code() {
            return ran.isEmpty() ? 0 : ran.get(ran.size() - 1).code();
        }

        String output() {
            return String.join("", ran.stream().map(Ran::output).toList());
        }
    }

    private final Map<String, Object> action;

    CompositeAction(Path file) throws IOException {
        this.action = new Yaml().load(Files.readString(file));
    }

    Map<String, Object> definition() {
        return action;
    }

    List<Map<String, Object>> steps() {
        return list(map(action.get("runs")).get("steps"));
    }

    /**
     * Runs the steps in {@code workspace} with the inputs {@code with} (the rest at their
     * defaults), as used at {@code actionRef}. A failed step stops the run, as on GitHub; the
     * steps after it are not recorded.
     */
    Run run(Path workspace, Map<String, String> with, String actionRef, Path runnerTemp)
            throws IOException, InterruptedException {
        Map<String, String> inputs = new HashMap<>();
        map(action.get("inputs")).forEach((name, spec) -> inputs.put(name, String.valueOf(map(spec).getOrDefault("default", ""))));
        inputs.putAll(with);
        Map<String, Map<String, String>> outputs = new LinkedHashMap<>();
        List<Ran> ran = new ArrayList<>();
        List<Used> used = new ArrayList<>();
        for (Map<String, Object> step : steps()) {
            Map<String, String> context = context(inputs, outputs, actionRef);
            if (step.containsKey("uses")) {
                Map<String, String> given = new LinkedHashMap<>();
                map(step.getOrDefault("with", Map.of())).forEach((key, value) -> given.put(key, fill(String.valueOf(value), context)));
                used.add(new Used(String.valueOf(step.get("uses")), String.valueOf(step.get("if")), given));
                continue;
            }
            String id = String.valueOf(step.getOrDefault("id", "step" + ran.size()));
            Ran result = runStep(step, id, context, workspace, runnerTemp, outputs);
            ran.add(result);
            if (result.code() != 0) {
                break;
            }
        }
        return new Run(ran, used, outputs);
    }

    private static Ran runStep(Map<String, Object> step, String id, Map<String, String> context, Path workspace,
            Path runnerTemp, Map<String, Map<String, String>> outputs) throws IOException, InterruptedException {
        if (!"bash".equals(step.get("shell"))) {
            throw new IllegalStateException("step " + id + " must say shell: bash, which composite run steps need");
        }
        String script = String.valueOf(step.get("run"));
        if (script.contains("${{")) {
            throw new IllegalStateException("step " + id + " pastes an expression into its script; pass it in env");
        }
        Path scriptFile = Files.createTempFile(runnerTemp, "step-", ".sh");
        Files.writeString(scriptFile, script);
        Path outputFile = Files.createTempFile(runnerTemp, "output-", "");
        ProcessBuilder process = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail",
                scriptFile.toString()).directory(workspace.toFile()).redirectErrorStream(true);
        map(step.getOrDefault("env", Map.of())).forEach((name, value) ->
                process.environment().put(name, fill(String.valueOf(value), context)));
        process.environment().put("GITHUB_OUTPUT", outputFile.toString());
        process.environment().put("RUNNER_TEMP", runnerTemp.toString());
        Process started = process.start();
        String output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = started.waitFor();
        Map<String, String> stepOutputs = new LinkedHashMap<>();
        for (String line : Files.readAllLines(outputFile)) {
            int equals = line.indexOf('=');
            stepOutputs.put(line.substring(0, equals), line.substring(equals + 1));
        }
        outputs.put(id, stepOutputs);
        return new Ran(id, code, output);
    }

    private static Map<String, String> context(Map<String, String> inputs, Map<String, Map<String, String>> outputs,
            String actionRef) {
        Map<String, String> context = new HashMap<>();
        inputs.forEach((name, value) -> context.put("inputs." + name, value));
        outputs.forEach((step, values) -> values.forEach((name, value) ->
                context.put("steps." + step + ".outputs." + name, value)));
        context.put("github.action_ref", actionRef);
        return context;
    }

    /** {@code text} with each {@code ${{ name }}} replaced; a step's missing output is empty, as on GitHub. */
    private static String fill(String text, Map<String, String> context) {
        Matcher expression = EXPRESSION.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (expression.find()) {
            String name = expression.group(1);
            String value = context.get(name);
            if (value == null && !name.matches("steps\\.[\\w-]+\\.outputs\\.[\\w-]+")) {
                throw new IllegalStateException("unknown expression ${{ " + name + " }}");
            }
            expression.appendReplacement(filled, Matcher.quoteReplacement(value == null ? "" : value));
        }
        return expression.appendTail(filled).toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object yaml) {
        return (Map<String, Object>) yaml;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object yaml) {
        return (List<Map<String, Object>>) yaml;
    }
}
