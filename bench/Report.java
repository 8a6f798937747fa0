// Summarises a bench/run.sh run: reads <dir>/meta.tsv, raw.tsv and notes.tsv, writes
// <dir>/results.json, prints a Markdown table, and if a docs file is given rewrites the generated
// part of its "## alertbook vs Hugo and promtool" section.
//
// Usage (run by bench/run.sh): java bench/Report.java target/bench [docs/benchmarks.md]

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

public class Report {

    static final String HEADING = "## alertbook vs Hugo and promtool";
    static final String BEGIN = "<!-- begin: written by bench/run.sh -->";
    static final String END = "<!-- end: written by bench/run.sh -->";

    /** The reference each alertbook verb is compared with, as it appears in the table. */
    static final Map<String, String[]> REFERENCE = Map.of(
            "build", new String[] {"hugo", "hugo"},
            "rebuild", new String[] {"hugo", "hugo"},
            "check", new String[] {"promtool", "promtool check rules"},
            "test", new String[] {"promtool", "promtool test rules"});

    record Run(int exit, long millis, long rssKiB, String load1) {
    }

    /** One command at one size: its timed runs, or why there are none. */
    record Series(int size, String verb, String tool, List<Run> runs, String note) {
        boolean ok() {
            return !runs.isEmpty() && runs.stream().allMatch(r -> r.exit() == 0);
        }

        long[] sorted() {
            return runs.stream().mapToLong(Run::millis).sorted().toArray();
        }

        double median() {
            long[] s = sorted();
            return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
        }

        long peakRss() {
            return runs.stream().mapToLong(Run::rssKiB).max().orElse(0);
        }

        int failedExit() {
            return runs.stream().mapToInt(Run::exit).filter(e -> e != 0).findFirst().orElse(0);
        }
    }

    /** The runs each command was meant to get; a cell with fewer says how many it had. */
    static int expectedRuns = 5;

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Map<String, String> meta = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("meta.tsv"))) {
            String[] kv = line.split("\t", 2);
            if (kv.length == 2) {
                // With --append the first invocation's date and load are the run's.
                meta.putIfAbsent(kv[0], kv[1]);
            }
        }
        expectedRuns = Integer.parseInt(meta.getOrDefault("runs", "5"));
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        TreeSet<Integer> sizes = new TreeSet<>();
        List<String> raw = Files.readAllLines(dir.resolve("raw.tsv"));
        for (String line : raw.subList(1, raw.size())) {
            String[] f = line.split("\t");
            sizes.add(Integer.parseInt(f[0]));
            runs.computeIfAbsent(f[0] + "/" + f[1] + "/" + f[2], k -> new ArrayList<>())
                    .add(new Run(Integer.parseInt(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]), f.length > 7 ? f[7] : "0"));
        }
        Map<String, String> notes = new LinkedHashMap<>();
        Path notesFile = dir.resolve("notes.tsv");
        if (Files.exists(notesFile)) {
            for (String line : Files.readAllLines(notesFile)) {
                String[] f = line.split("\t", 4);
                if (f.length == 4) {
                    notes.put(f[0] + "/" + f[1] + "/" + f[2], f[3].strip());
                }
            }
        }
        for (String key : meta.keySet()) {
            if (key.startsWith("corpus")) {
                sizes.add(Integer.parseInt(key.substring("corpus".length())));
            }
        }

        List<Series> all = new ArrayList<>();
        for (int size : sizes) {
            for (String verb : List.of("build", "rebuild", "check", "test")) {
                for (String tool : List.of("alertbook", REFERENCE.get(verb)[0])) {
                    // A rebuild is compared with Hugo's one build: Hugo keeps no run to replay.
                    String key = size + "/" + (verb.equals("rebuild") && !tool.equals("alertbook") ? "build" : verb) + "/" + tool;
                    List<Run> r = runs.getOrDefault(key, List.of());
                    String note = notes.get(key);
                    if (r.isEmpty()) {
                        boolean absent = tool.equals("alertbook") ? verb.equals("test") && "false".equals(meta.get("testCommand"))
                                : String.valueOf(meta.get(tool)).equals("not installed");
                        note = !absent ? "not run" : tool.equals("alertbook") ? "not available yet" : "not installed";
                    }
                    all.add(new Series(size, verb, tool, r, note));
                }
            }
        }

        List<Series> serves = new ArrayList<>();
        for (int size : sizes) {
            for (String tool : List.of("alertbook", "hugo")) {
                List<Run> r = runs.get(size + "/serve/" + tool);
                if (r != null) {
                    serves.add(new Series(size, "serve", tool, r, null));
                }
            }
        }
        List<String[]> targets = targets(all, serves, sizes);
        List<Series> measured = new ArrayList<>(all);
        measured.addAll(serves);
        Files.writeString(dir.resolve("results.json"), json(meta, measured, targets));
        String table = table(all) + "\n" + serveTable(serves) + targetTable(targets);
        System.out.println();
        System.out.print(table);
        System.out.println();
        System.out.println("raw figures: " + dir.resolve("results.json"));
        if (args.length > 1 && !args[1].isEmpty()) {
            updateDocs(Path.of(args[1]), section(meta, sizes) + "\n" + table);
            System.out.println("updated " + args[1]);
        }
    }

    static Series find(List<Series> all, int size, String verb, String tool) {
        return all.stream().filter(s -> s.size() == size && s.verb().equals(verb) && s.tool().equals(tool))
                .findFirst().orElse(null);
    }

    static String seconds(double millis) {
        return String.format(Locale.ROOT, millis >= 10_000 ? "%.1f s" : "%.2f s", millis / 1000);
    }

    static String mib(long kib) {
        return kib == 0 ? "–" : String.format(Locale.ROOT, "%,d MiB", Math.round(kib / 1024.0));
    }

    static String cell(Series s) {
        if (s.ok()) {
            long[] sorted = s.sorted();
            if (sorted.length == 1) {
                return "**" + seconds(s.median()) + "** (1 run)";
            }
            return "**" + seconds(s.median()) + "** (" + seconds(sorted[0]).replace(" s", "") + "–"
                    + seconds(sorted[sorted.length - 1]) + (sorted.length < expectedRuns ? ", " + sorted.length + " runs" : "") + ")";
        }
        if (s.runs().isEmpty()) {
            return s.note();
        }
        return "failed (exit " + s.failedExit() + ")";
    }

    static String millis(double millis) {
        return String.format(Locale.ROOT, "%,.0f ms", millis);
    }

    /** How long `serve` and `hugo server` took from one edited runbook to serving its new page, per size. */
    static String serveTable(List<Series> serves) {
        if (serves.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("| runbooks | `alertbook serve`: edited runbook to its new page, median (min–max)"
                + " | `hugo server`: the same | alertbook ÷ Hugo: medians |\n|---:|---|---|---:|\n");
        for (Series s : serves) {
            if (!s.tool().equals("alertbook")) {
                continue;
            }
            Series hugo = find(serves, s.size(), "serve", "hugo");
            sb.append(String.format(Locale.ROOT, "| %,d | %s | %s | %s |%n", s.size(), serveCell(s), serveCell(hugo),
                    s.ok() && hugo != null && hugo.ok() ? String.format(Locale.ROOT, "%.2f×", s.median() / hugo.median()) : "–"));
        }
        return sb.append('\n').toString();
    }

    private static String serveCell(Series s) {
        if (s == null) {
            return "not run";
        }
        long[] sorted = s.sorted();
        return s.ok() ? "**" + millis(s.median()) + "** (" + millis(sorted[0]) + "–" + millis(sorted[sorted.length - 1]) + ")"
                : "failed: see target/bench/serve-" + s.tool() + "-" + s.size() + ".log";
    }

    static String table(List<Series> all) {
        StringBuilder sb = new StringBuilder();
        sb.append("| runbooks | command | alertbook: median (min–max) | peak RSS | reference | reference: median (min–max) | peak RSS | alertbook ÷ reference: medians (minimums) |\n");
        sb.append("|---:|---|---|---:|---|---|---:|---:|\n");
        for (Series a : all) {
            if (!a.tool().equals("alertbook")) {
                continue;
            }
            Series r = find(all, a.size(), a.verb(), REFERENCE.get(a.verb())[0]);
            String ratio = a.ok() && r.ok() ? String.format(Locale.ROOT, "%.2f× (min %.2f×)", a.median() / r.median(),
                    (double) a.sorted()[0] / r.sorted()[0]) : "–";
            String command = a.verb().equals("rebuild") ? "`alertbook build` again, cache present" : "`alertbook " + a.verb() + "`";
            sb.append(String.format(Locale.ROOT, "| %,d | %s | %s | %s | %s | %s | %s | %s |%n", a.size(), command,
                    cell(a), a.ok() ? mib(a.peakRss()) : "–", "`" + REFERENCE.get(a.verb())[1] + "`", cell(r),
                    r.ok() ? mib(r.peakRss()) : "–", ratio));
        }
        List<String> failures = new ArrayList<>();
        for (Series s : all) {
            if (!s.runs().isEmpty() && !s.ok() && s.note() != null) {
                failures.add(String.format(Locale.ROOT, "- %s %s at %,d failed: `%s`", s.tool(), s.verb(), s.size(),
                        s.note().replace("`", "'")));
            }
        }
        if (!failures.isEmpty()) {
            sb.append("\n").append(String.join("\n", failures)).append("\n");
        }
        return sb.toString();
    }

    /** The targets: {target, measured, verdict}. */
    static List<String[]> targets(List<Series> all, List<Series> serves, TreeSet<Integer> sizes) {
        List<String[]> rows = new ArrayList<>();
        for (int size : sizes) {
            ratioTarget(rows, all, size, "build", "hugo", 1.0,
                    String.format(Locale.ROOT, "`build` ≤ 1.0× Hugo's wall time at %,d", size));
        }
        for (int size : sizes) {
            if (size >= 10_000) {
                ratioTarget(rows, all, size, "check", "promtool", 1.0,
                        String.format(Locale.ROOT, "`check` ≤ 1.0× `promtool check rules` at %,d", size));
            }
        }
        if (sizes.contains(10_000)) {
            Series cold = find(all, 10_000, "build", "alertbook");
            Series warm = find(all, 10_000, "rebuild", "alertbook");
            boolean ok = cold.ok() && warm.ok();
            double share = ok ? warm.median() / cold.median() : 0;
            rows.add(new String[] {"a second `build` of an unchanged 10,000 (cache present) < 20 % of a cold one",
                    ok ? String.format(Locale.ROOT, "%.0f %% (%s vs %s)", share * 100, seconds(warm.median()), seconds(cold.median())) : "–",
                    ok ? verdict(share < 0.2) : "not measured"});
        }
        if (sizes.contains(50_000)) {
            Series b = find(all, 50_000, "build", "alertbook");
            rows.add(new String[] {"`build` peak RSS < 1 GiB at 50,000",
                    b.ok() ? mib(b.peakRss()) : cell(b), b.ok() ? verdict(b.peakRss() < 1024 * 1024) : "not measured"});
        }
        if (sizes.contains(10_000) && sizes.contains(50_000)) {
            for (String verb : List.of("build", "check")) {
                Series small = find(all, 10_000, verb, "alertbook");
                Series large = find(all, 50_000, verb, "alertbook");
                boolean ok = small.ok() && large.ok();
                double growth = ok ? large.median() / small.median() : 0;
                rows.add(new String[] {"`" + verb + "` at 50,000 ≤ 5.5× its time at 10,000",
                        ok ? String.format(Locale.ROOT, "%.2f×", growth) : "–", ok ? verdict(growth <= 5.5) : "not measured"});
            }
        }
        Series serve = find(serves, 10_000, "serve", "alertbook");
        Series hugoServe = find(serves, 10_000, "serve", "hugo");
        String serveTarget = "`serve` rebuilds one changed runbook in < 100 ms at 10,000";
        String hugoTarget = "`serve` shows one edited runbook in ≤ 0.5× `hugo server`'s time at 10,000";
        if (serve != null && serve.ok()) {
            rows.add(new String[] {serveTarget, millis(serve.median()) + " (median)", verdict(serve.median() < 100)});
            if (hugoServe != null && hugoServe.ok()) {
                double ratio = serve.median() / hugoServe.median();
                rows.add(new String[] {hugoTarget, String.format(Locale.ROOT, "%.2f× (%s vs %s)", ratio,
                        millis(serve.median()), millis(hugoServe.median())), verdict(ratio <= 0.5)});
            }
        } else if (sizes.contains(10_000)) {
            rows.add(new String[] {serveTarget, serve == null ? "–" : "failed", "not measured"});
        }
        return rows;
    }

    static void ratioTarget(List<String[]> rows, List<Series> all, int size, String verb, String ref, double limit, String text) {
        Series a = find(all, size, verb, "alertbook");
        Series r = find(all, size, verb, ref);
        if (a.ok() && r.ok()) {
            double ratio = a.median() / r.median();
            rows.add(new String[] {text, String.format(Locale.ROOT, "%.2f× (%s vs %s)", ratio, seconds(a.median()),
                    seconds(r.median())), verdict(ratio <= limit)});
        } else {
            rows.add(new String[] {text, "–", "not measured"});
        }
    }

    static String verdict(boolean met) {
        return met ? "met" : "**not met**";
    }

    static String targetTable(List<String[]> rows) {
        StringBuilder sb = new StringBuilder("| target (issue 19) | measured | |\n|---|---|---|\n");
        for (String[] row : rows) {
            sb.append("| ").append(row[0]).append(" | ").append(row[1]).append(" | ").append(row[2]).append(" |\n");
        }
        return sb.toString();
    }

    static String section(Map<String, String> meta, TreeSet<Integer> sizes) {
        StringBuilder sb = new StringBuilder();
        sb.append("Measured ").append(meta.get("date")).append(" by `bash bench/run.sh")
                .append("true".equals(meta.get("quick")) ? " --quick" : "0".equals(meta.get("warmups")) ? " --warmups 0" : "")
                .append("` on ")
                .append(meta.get("nproc")).append(" cores (").append(meta.get("cpu")).append("), ")
                .append(meta.get("memory")).append(" RAM; load average ").append(meta.get("loadStart"))
                .append(" at the start and ").append(meta.get("loadEnd")).append(" at the end. ")
                .append(meta.get("runs")).append(" timed runs per command (fewer where a cell says so) after ").append(meta.get("warmups"))
                .append(" untimed warm-up, each a fresh process; times are wall-clock, RSS is the largest of the runs.\n\n");
        sb.append("- alertbook: ").append(meta.get("alertbook")).append(", on ").append(meta.get("java")).append('\n');
        sb.append("- ").append(meta.get("hugo")).append('\n');
        sb.append("- ").append(meta.get("promtool")).append('\n');
        for (int size : sizes) {
            sb.append(String.format(Locale.ROOT, "- corpus %,d: %s; `alertbook check` on it: %s%n", size,
                    meta.getOrDefault("corpus" + size, "?"), meta.getOrDefault("checkSummary" + size, "?")));
        }
        return sb.toString();
    }

    static void updateDocs(Path docs, String generated) throws IOException {
        String text = Files.exists(docs) ? Files.readString(docs) : "# Benchmarks\n";
        String block = BEGIN + "\n" + generated + END;
        int heading = text.indexOf("\n" + HEADING + "\n");
        if (heading < 0) {
            text = text.stripTrailing() + "\n\n" + HEADING + "\n\n" + block + "\n";
        } else {
            int next = text.indexOf("\n## ", heading + 1 + HEADING.length());
            int sectionEnd = next < 0 ? text.length() : next + 1;
            int begin = text.indexOf(BEGIN, heading);
            int end = text.indexOf(END, heading);
            if (begin >= 0 && begin < sectionEnd && end > begin) {
                text = text.substring(0, begin) + block + text.substring(end + END.length());
            } else {
                String before = text.substring(0, sectionEnd).stripTrailing();
                text = before + "\n\n" + block + "\n" + (sectionEnd < text.length() ? "\n" + text.substring(sectionEnd) : "");
            }
        }
        Files.writeString(docs, text, StandardCharsets.UTF_8);
    }

    static String json(Map<String, String> meta, List<Series> all, List<String[]> targets) {
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"benchmark\": \"alertbook vs hugo and promtool\",\n");
        for (Map.Entry<String, String> e : meta.entrySet()) {
            sb.append("  ").append(str(e.getKey())).append(": ").append(str(e.getValue())).append(",\n");
        }
        sb.append("  \"results\": [\n");
        for (int i = 0; i < all.size(); i++) {
            Series s = all.get(i);
            sb.append("    {\"size\": ").append(s.size()).append(", \"verb\": ").append(str(s.verb()))
                    .append(", \"tool\": ").append(str(s.tool()))
                    .append(", \"status\": ").append(str(s.ok() ? "ok" : s.runs().isEmpty() ? s.note() : "failed"));
            if (!s.runs().isEmpty()) {
                sb.append(", \"exitCodes\": ").append(list(s.runs().stream().map(r -> (long) r.exit()).toList()))
                        .append(", \"wallMillis\": ").append(list(s.runs().stream().map(Run::millis).toList()))
                        .append(", \"rssKiB\": ").append(list(s.runs().stream().map(Run::rssKiB).toList()))
                        .append(", \"loadAverageBefore\": ").append(s.runs().stream().map(Run::load1).toList());
            }
            if (s.ok()) {
                long[] sorted = s.sorted();
                sb.append(", \"minMillis\": ").append(sorted[0]).append(", \"medianMillis\": ").append(s.median())
                        .append(", \"maxMillis\": ").append(sorted[sorted.length - 1])
                        .append(", \"peakRssKiB\": ").append(s.peakRss());
            } else if (s.note() != null) {
                sb.append(", \"note\": ").append(str(s.note()));
            }
            sb.append(i + 1 < all.size() ? "},\n" : "}\n");
        }
        sb.append("  ],\n  \"targets\": [\n");
        for (int i = 0; i < targets.size(); i++) {
            String[] t = targets.get(i);
            sb.append("    {\"target\": ").append(str(t[0])).append(", \"measured\": ").append(str(t[1]))
                    .append(", \"verdict\": ").append(str(t[2].replace("*", ""))).append(i + 1 < targets.size() ? "},\n" : "}\n");
        }
        sb.append("  ]\n}\n");
        return sb.toString();
    }

    static String list(List<Long> values) {
        return values.toString();
    }

    static String str(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
