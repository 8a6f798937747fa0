// Generates a synthetic, deterministic runbook repository for the benchmarks in bench/run.sh:
// rule files of 5-20 alerts, one runbook of 2-6 KB per alert, section pages, promtool rule unit
// tests and an alertbook.yml, laid out as alertbook's defaults expect.
//
// Usage (Java 17 runs this single file without compiling it):
//   java bench/Generate.java <output-dir> <runbooks> [seed]
//
// The same arguments always give byte-identical files. Every alert has a runbook; every rule file
// has a test file whose tests pass under `promtool test rules`. Nothing here is copied from other
// projects: names, expressions and prose are generated from the small tables below.

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

public class Generate {

    static final String BASE_URL = "https://runbooks.example.com/";

    static final String[] SERVICES = {
        "checkout", "payments", "inventory", "search", "auth", "billing", "orders", "shipping",
        "catalog", "gateway", "ledger", "notifications", "profile", "recommendations", "reviews",
        "media", "kafka", "postgres", "redis", "elasticsearch", "rabbitmq", "etcd", "coredns",
        "ingress", "node", "kubelet", "apiserver", "scheduler", "mysql", "memcached", "cassandra",
        "consul", "vault", "minio", "nginx", "haproxy", "envoy", "loki", "tempo", "grafana",
    };
    static final String[] REGIONS = {"eu", "us", "ap", "sa", "af", "me", "ca", "au"};
    static final String[] TEAMS = {"checkout", "platform", "storage", "identity", "data", "edge", "observability", "core"};
    static final String[] SEVERITIES = {"warning", "critical"};

    /** One kind of alert: its expression, thresholds per severity, annotations and (maybe) a unit test. */
    record Family(String suffix, String tag, String expr, String[] thresholds, String[] fors,
                  String summary, String description, Test test) {
    }

    /** A promtool test: input series, evaluation time, and for each severity the expected alert (or none). */
    record Test(String[] series, String evalTime, Expect[] expect) {
    }

    /** What fires at evalTime: the alert's extra labels and its expanded summary and description (null: nothing fires). */
    record Expect(String[] labels, String summary, String description) {
    }

    // J stands for the job (the group name), T for the threshold. Every expression is valid PromQL.
    static final List<Family> FAMILIES = List.of(
        new Family("TargetsDown", "availability",
            "avg by (job) (up{job=\"J\"}) < T", new String[] {"0.9", "0.5"}, new String[] {"10m", "5m"},
            "Only {{ $value | humanizePercentage }} of the {{ $labels.job }} targets are up",
            "Fewer of the {{ $labels.job }} targets than expected answer scrapes ({{ $value | humanizePercentage }} are up). Requests may be failing or be served by fewer replicas.",
            new Test(new String[] {"up{job=\"J\", instance=\"J-0:9100\"}|1x30", "up{job=\"J\", instance=\"J-1:9100\"}|0x30"}, "20m",
                new Expect[] {
                    new Expect(new String[] {"job", "J"}, "Only 50% of the J targets are up",
                        "Fewer of the J targets than expected answer scrapes (50% are up). Requests may be failing or be served by fewer replicas."),
                    null})),
        new Family("HighErrorRate", "errors",
            "sum by (job) (rate(http_requests_total{job=\"J\", code=~\"5..\"}[5m]))\n  / sum by (job) (rate(http_requests_total{job=\"J\"}[5m]))\n> T",
            new String[] {"0.01", "0.05"}, new String[] {"10m", "5m"},
            "{{ $labels.job }} is failing {{ $value | humanizePercentage }} of its requests",
            "{{ $value | humanizePercentage }} of the requests to {{ $labels.job }} returned a 5xx status over the last 5 minutes.",
            new Test(new String[] {"http_requests_total{job=\"J\", instance=\"J-0:8080\", code=\"500\"}|0+60x30",
                                   "http_requests_total{job=\"J\", instance=\"J-0:8080\", code=\"200\"}|0+540x30"}, "20m",
                new Expect[] {
                    new Expect(new String[] {"job", "J"}, "J is failing 10% of its requests",
                        "10% of the requests to J returned a 5xx status over the last 5 minutes."),
                    new Expect(new String[] {"job", "J"}, "J is failing 10% of its requests",
                        "10% of the requests to J returned a 5xx status over the last 5 minutes.")})),
        new Family("HighLatencyP99", "latency",
            "histogram_quantile(0.99,\n  sum by (job, le) (rate(http_request_duration_seconds_bucket{job=\"J\"}[5m]))\n) > T",
            new String[] {"0.5", "2"}, new String[] {"15m", "10m"},
            "{{ $labels.job }} p99 latency is {{ $value | humanizeDuration }}",
            "The 99th percentile latency of {{ $labels.job }} has been above its threshold for a while: {{ $value | humanizeDuration }}.",
            null),
        new Family("NoTraffic", "traffic",
            "sum by (job) (rate(http_requests_total{job=\"J\"}[10m])) == 0\nor\nabsent(http_requests_total{job=\"J\"})",
            new String[] {"", ""}, new String[] {"15m", "30m"},
            "{{ $labels.job }} is receiving no traffic",
            "{{ $labels.job }} has served no requests recently, or its metrics are missing.",
            null),
        new Family("MemoryPressure", "memory",
            "(1 - node_memory_MemAvailable_bytes{job=\"J\"} / node_memory_MemTotal_bytes{job=\"J\"}) * 100 > T",
            new String[] {"85", "95"}, new String[] {"10m", "5m"},
            "{{ $labels.instance }} memory is {{ $value | printf \"%.1f\" }}% used",
            "Memory use on {{ $labels.instance }} ({{ $labels.job }}) is {{ $value | printf \"%.1f\" }}%; processes may be killed by the OOM killer.",
            new Test(new String[] {"node_memory_MemAvailable_bytes{job=\"J\", instance=\"J-0:9100\"}|1000000000x30",
                                   "node_memory_MemTotal_bytes{job=\"J\", instance=\"J-0:9100\"}|10000000000x30"}, "20m",
                new Expect[] {
                    new Expect(new String[] {"instance", "J-0:9100", "job", "J"}, "J-0:9100 memory is 90.0% used",
                        "Memory use on J-0:9100 (J) is 90.0%; processes may be killed by the OOM killer."),
                    null})),
        new Family("DiskWillFill", "disk",
            "predict_linear(node_filesystem_avail_bytes{job=\"J\", fstype!~\"tmpfs|overlay\"}[6h], T * 3600) < 0",
            new String[] {"24", "4"}, new String[] {"30m", "10m"},
            "{{ $labels.mountpoint }} on {{ $labels.instance }} will fill up soon",
            "At the current rate, {{ $labels.mountpoint }} on {{ $labels.instance }} runs out of space within the alert's horizon.",
            null),
        new Family("HighCpu", "cpu",
            "100 - avg by (job, instance) (rate(node_cpu_seconds_total{job=\"J\", mode=\"idle\"}[5m])) * 100 > T",
            new String[] {"80", "95"}, new String[] {"15m", "10m"},
            "{{ $labels.instance }} CPU is {{ $value | printf \"%.0f\" }}% busy",
            "CPU use on {{ $labels.instance }} ({{ $labels.job }}) has stayed above the threshold: {{ $value | printf \"%.0f\" }}%.",
            null),
        new Family("PodRestarting", "kubernetes",
            "increase(kube_pod_container_status_restarts_total{namespace=\"J\"}[15m]) > T",
            new String[] {"3", "10"}, new String[] {"5m", "0m"},
            "{{ $labels.pod }} in {{ $labels.namespace }} keeps restarting",
            "Container {{ $labels.container }} of {{ $labels.namespace }}/{{ $labels.pod }} restarted {{ $value | humanize }} times in 15 minutes.",
            null),
        new Family("CertificateExpiry", "tls",
            "(probe_ssl_earliest_cert_expiry{job=\"J\"} - time()) / 86400 < T",
            new String[] {"14", "3"}, new String[] {"1h", "15m"},
            "The certificate of {{ $labels.instance }} expires in {{ $value | printf \"%.0f\" }} days",
            "The TLS certificate served by {{ $labels.instance }} expires in {{ $value | printf \"%.1f\" }} days; renew it.",
            null),
        new Family("QueueBacklog", "queue",
            "sum by (job, queue) (queue_messages_ready{job=\"J\"}) > T",
            new String[] {"1000", "10000"}, new String[] {"10m", "5m"},
            "{{ $labels.queue }} on {{ $labels.job }} has {{ $value | humanize }} messages waiting",
            "The {{ $labels.queue }} queue of {{ $labels.job }} holds {{ $value | humanize }} ready messages; consumers are not keeping up.",
            new Test(new String[] {"queue_messages_ready{job=\"J\", instance=\"J-0:15692\", queue=\"orders\"}|5000x30"}, "20m",
                new Expect[] {
                    new Expect(new String[] {"job", "J", "queue", "orders"}, "orders on J has 5k messages waiting",
                        "The orders queue of J holds 5k ready messages; consumers are not keeping up."),
                    null})),
        new Family("ReplicationLag", "replication",
            "max by (job, instance) (replication_lag_seconds{job=\"J\"}) > T",
            new String[] {"30", "300"}, new String[] {"5m", "5m"},
            "{{ $labels.instance }} replication is {{ $value | humanizeDuration }} behind",
            "The replica {{ $labels.instance }} of {{ $labels.job }} lags its primary by {{ $value | humanizeDuration }}.",
            new Test(new String[] {"replication_lag_seconds{job=\"J\", instance=\"J-1:9187\"}|120x30"}, "20m",
                new Expect[] {
                    new Expect(new String[] {"instance", "J-1:9187", "job", "J"}, "J-1:9187 replication is 2m 0s behind",
                        "The replica J-1:9187 of J lags its primary by 2m 0s."),
                    null})),
        new Family("ConnectionsSaturated", "connections",
            "sum by (job, instance) (connections_active{job=\"J\"})\n  / sum by (job, instance) (connections_max{job=\"J\"})\n> T",
            new String[] {"0.8", "0.95"}, new String[] {"10m", "5m"},
            "{{ $labels.instance }} uses {{ $value | humanizePercentage }} of its connections",
            "{{ $labels.instance }} ({{ $labels.job }}) has used {{ $value | humanizePercentage }} of its connection limit; new clients will be refused.",
            null),
        new Family("ErrorBudgetBurn", "slo",
            "(\n  sum by (job) (rate(http_requests_total{job=\"J\", code=~\"5..\"}[1h]))\n    / sum by (job) (rate(http_requests_total{job=\"J\"}[1h]))\n) / 0.001 > T\nand\n(\n  sum by (job) (rate(http_requests_total{job=\"J\", code=~\"5..\"}[5m]))\n    / sum by (job) (rate(http_requests_total{job=\"J\"}[5m]))\n) / 0.001 > T",
            new String[] {"6", "14.4"}, new String[] {"15m", "2m"},
            "{{ $labels.job }} is burning its error budget {{ printf \"%.1f\" $value }}x too fast",
            "{{ $labels.job }} consumes its 30-day error budget {{ printf \"%.1f\" $value }} times faster than sustainable over both the last hour and the last 5 minutes.",
            null),
        new Family("ClockSkew", "time",
            "abs(node_timex_offset_seconds{job=\"J\"}) > T",
            new String[] {"0.05", "0.5"}, new String[] {"10m", "5m"},
            "{{ $labels.instance }} clock is off by {{ $value | humanizeDuration }}",
            "The clock of {{ $labels.instance }} differs from NTP time by {{ $value | humanizeDuration }}; check chrony or ntpd.",
            null),
        new Family("SlowScrapes", "scrape",
            "max by (job, instance) (scrape_duration_seconds{job=\"J\"}) > T",
            new String[] {"10", "25"}, new String[] {"15m", "10m"},
            "Scraping {{ $labels.instance }} takes {{ $value | humanizeDuration }}",
            "Prometheus needs {{ $value | humanizeDuration }} to scrape {{ $labels.instance }} of {{ $labels.job }}, close to the scrape timeout.",
            null));

    // Prose is assembled from these fragments; {svc}, {job}, {team}, {metric}, {region} are filled in.
    static final String[] OPENERS = {
        "When this fires, {svc} in {region} is", "Usually this means that {job} is", "In most incidents so far, {svc} was",
        "The on-call engineer should first confirm whether {job} is", "Dashboards for {svc} will show that it is",
        "Historically, the {team} team has seen that {svc} is", "If the alert stays active, {job} is probably",
    };
    static final String[] STATES = {
        "running out of headroom after a traffic spike", "waiting on a slow dependency such as the database",
        "recovering from a deploy that changed its resource limits", "restarting in a loop because a health check fails",
        "throttled by its CPU quota while garbage collection runs", "handling more requests than its replicas were sized for",
        "blocked on a saturated connection pool", "serving stale configuration after a failed reload",
        "affected by a network partition between zones", "losing scrapes because its exporter is overloaded",
    };
    static final String[] CLOSERS = {
        "Check {metric} before changing anything.", "Compare the last hour with the same hour a week ago.",
        "Look for a release or a configuration change in the last two hours.", "Note the start time in the incident channel.",
        "Capture a graph of {metric} for the postmortem.", "Ask in #{team}-oncall if the cause is not obvious within ten minutes.",
        "Most of the time the situation resolves itself once the backlog drains.", "Do not silence the alert without a ticket.",
        "Customers may notice slower pages or failed requests.", "The error budget for {svc} is shared by every team that depends on it.",
    };
    static final String[] MITIGATIONS = {
        "Scale the deployment up by two replicas: `kubectl -n {job} scale deployment/{svc} --replicas=+2`.",
        "Roll back the most recent release if it went out in the last hour.",
        "Fail traffic over to the other region with the `{svc}-failover` feature flag.",
        "Restart the one instance that misbehaves rather than the whole fleet.",
        "Raise the connection pool limit temporarily and open a ticket to size it properly.",
        "Pause the batch jobs that compete for the same resources until the alert clears.",
        "Drain the node and let the scheduler move the pods elsewhere.",
        "Page the owning team through the escalation policy if nothing above helps.",
    };
    static final String[] HEADINGS = {"Meaning", "Impact", "Diagnosis", "Mitigation", "Escalation"};

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java bench/Generate.java <output-dir> <runbooks> [seed]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int runbooks = Integer.parseInt(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        new Generate(out, seed).generate(runbooks);
    }

    private final Path out;
    private final SplittableRandom random;
    private long bytes;
    private int files;

    Generate(Path out, long seed) {
        this.out = out;
        this.random = new SplittableRandom(seed);
    }

    void generate(int runbooks) throws IOException {
        write("alertbook.yml", "# Generated by bench/Generate.java for the benchmarks; see docs/benchmarks.md.\n"
                + "title: Generated runbooks\nbaseURL: " + BASE_URL + "\n");
        int alerts = 0;
        int tests = 0;
        for (int g = 0; alerts < runbooks; g++) {
            int size = Math.min(5 + random.nextInt(16), runbooks - alerts);
            tests += group(g, size);
            alerts += size;
        }
        System.out.printf(Locale.ROOT, "generated %s: %d runbooks, %d tests, %d files, %.1f MB%n",
                out, alerts, tests, files, bytes / 1e6);
    }

    /** One rule file, its runbooks, its section page and its test file; returns the number of tests. */
    int group(int index, int size) throws IOException {
        String svc = SERVICES[index % SERVICES.length];
        String region = REGIONS[(index / SERVICES.length) % REGIONS.length] + (index / (SERVICES.length * REGIONS.length) + 1);
        String job = svc + "-" + region;
        String team = TEAMS[random.nextInt(TEAMS.length)];
        String prefix = camel(svc) + camel(region);

        // Every group watches its targets; the other alerts are distinct (family, severity) pairs.
        List<int[]> kinds = new ArrayList<>();
        for (int f = 1; f < FAMILIES.size(); f++) {
            kinds.add(new int[] {f, 0});
            kinds.add(new int[] {f, 1});
        }
        shuffle(kinds);
        kinds.add(0, new int[] {0, random.nextInt(2)});
        kinds = new ArrayList<>(kinds.subList(0, size));
        kinds.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));

        List<String> names = new ArrayList<>();
        for (int[] kind : kinds) {
            names.add(prefix + FAMILIES.get(kind[0]).suffix() + (kind[1] == 1 && hasBoth(kinds, kind[0]) ? "Critical" : ""));
        }

        StringBuilder rules = new StringBuilder();
        rules.append("# Alerts for ").append(job).append(" (owned by the ").append(team).append(" team).\n");
        rules.append("groups:\n  - name: ").append(job).append("\n    rules:\n");
        rules.append("      - record: job:http_requests:rate5m\n        expr: sum by (job) (rate(http_requests_total{job=\"")
                .append(job).append("\"}[5m]))\n\n");
        StringBuilder testFile = new StringBuilder();
        testFile.append("# Unit tests for ../rules/").append(job).append(".yml; run with `promtool test rules`.\n");
        testFile.append("rule_files:\n  - ../rules/").append(job).append(".yml\nevaluation_interval: 1m\ntests:\n");
        // One test group per file: its input series serve every alert case, as a team would write it.
        java.util.LinkedHashSet<String> series = new java.util.LinkedHashSet<>();
        StringBuilder cases = new StringBuilder();
        int tests = 0;
        for (int i = 0; i < kinds.size(); i++) {
            Family family = FAMILIES.get(kinds.get(i)[0]);
            int tier = kinds.get(i)[1];
            String name = names.get(i);
            String url = BASE_URL + "runbooks/" + job + "/" + name.toLowerCase(Locale.ROOT) + "/";
            String expr = sub(family.expr(), job, family.thresholds()[tier]);
            rules.append("      - alert: ").append(name).append("\n        expr: |\n");
            for (String line : expr.split("\n")) {
                rules.append("          ").append(line).append('\n');
            }
            if (!family.fors()[tier].equals("0m")) {
                rules.append("        for: ").append(family.fors()[tier]).append('\n');
            }
            rules.append("        labels:\n          severity: ").append(SEVERITIES[tier])
                    .append("\n          team: ").append(team).append('\n');
            rules.append("        annotations:\n          summary: ").append(quote(family.summary()))
                    .append("\n          description: ").append(quote(family.description()))
                    .append("\n          runbook_url: ").append(url).append("\n\n");
            if (family.test() != null) {
                tests++;
                appendTest(series, cases, family.test(), tier, name, job, team, url);
            }
            runbook(job, svc, region, team, name, family, tier, names);
        }
        write("content/rules/" + job + ".yml", rules.toString());
        testFile.append("  - name: ").append(job).append(" alerts\n    interval: 1m\n    input_series:\n");
        for (String s : series) {
            String[] parts = s.split("\\|");
            testFile.append("      - series: ").append(quote(parts[0])).append("\n        values: '").append(parts[1]).append("'\n");
        }
        testFile.append("    alert_rule_test:\n").append(cases);
        write("content/tests/" + job + "_test.yml", testFile.toString());
        write("content/runbooks/" + job + "/_index.md", "---\ntitle: " + camel(svc) + " in " + region.toUpperCase(Locale.ROOT)
                + "\ndescription: Alerts for " + job + ", owned by the " + team + " team.\n---\n\n"
                + "Runbooks for the alerts on `" + job + "`. Start with the alert that fired and follow its diagnosis steps.\n");
        return tests;
    }

    void appendTest(java.util.Set<String> series, StringBuilder sb, Test test, int tier, String name, String job, String team, String url) {
        for (String s : test.series()) {
            series.add(sub(s, job, ""));
        }
        sb.append("      - eval_time: ").append(test.evalTime()).append("\n        alertname: ").append(name);
        Expect expect = test.expect()[tier];
        if (expect == null) {
            sb.append("\n        exp_alerts: []\n");
            return;
        }
        sb.append("\n        exp_alerts:\n          - exp_labels:\n");
        List<String[]> labels = new ArrayList<>();
        for (int i = 0; i < expect.labels().length; i += 2) {
            labels.add(new String[] {expect.labels()[i], sub(expect.labels()[i + 1], job, "")});
        }
        labels.add(new String[] {"severity", SEVERITIES[tier]});
        labels.add(new String[] {"team", team});
        for (String[] label : labels) {
            sb.append("              ").append(label[0]).append(": ").append(quote(label[1])).append('\n');
        }
        sb.append("            exp_annotations:\n");
        sb.append("              summary: ").append(quote(sub(expect.summary(), job, ""))).append('\n');
        sb.append("              description: ").append(quote(sub(expect.description(), job, ""))).append('\n');
        sb.append("              runbook_url: ").append(url).append('\n');
    }

    void runbook(String job, String svc, String region, String team, String name, Family family, int tier,
                 List<String> siblings) throws IOException {
        int target = 2048 + random.nextInt(3700);
        String metric = metricOf(family);
        StringBuilder sb = new StringBuilder(target + 1024);
        sb.append("---\ntitle: ").append(name).append('\n');
        sb.append("description: ").append(quote(plain(family.summary(), svc, job))).append('\n');
        sb.append("tags:\n  - ").append(svc).append("\n  - ").append(family.tag()).append('\n');
        sb.append("owner: ").append(team).append("\nseverity: ").append(SEVERITIES[tier]).append('\n');
        sb.append("weight: ").append(10 + random.nextInt(90)).append("\n---\n\n");
        int bodyStart = sb.length();
        sb.append("{{% rule \"").append(job).append(".yml\" \"").append(name).append("\" %}}\n\n");

        int blocks = 1 + random.nextInt(3);
        String[] kinds = {"promql", "bash", "yaml"};
        int placed = 0;
        for (int h = 0; h < HEADINGS.length; h++) {
            sb.append("## ").append(HEADINGS[h]).append("\n\n");
            int remaining = HEADINGS.length - h;
            int share = Math.max(200, (target - (sb.length() - bodyStart)) / remaining);
            int sectionEnd = sb.length() + share;
            if (h == 2 || (h == 3 && placed < blocks)) {
                // Code blocks go into Diagnosis and, if any are left, Mitigation.
                int here = h == 2 ? Math.max(1, blocks - 1) : blocks - placed;
                for (int b = 0; b < here; b++) {
                    paragraph(sb, svc, job, team, region, metric, 2 + random.nextInt(2));
                    code(sb, kinds[(placed + random.nextInt(3)) % 3], family, job, svc, tier);
                    placed++;
                }
            }
            if (h == 1 && random.nextInt(3) == 0) {
                table(sb, job);
            }
            if (h == 3) {
                int n = 2 + random.nextInt(4);
                for (int i = 1; i <= n; i++) {
                    sb.append(i).append(". ").append(fill(pick(MITIGATIONS), svc, job, team, region, metric)).append('\n');
                }
                sb.append('\n');
            }
            if (h == 4) {
                String other = siblings.get(random.nextInt(siblings.size()));
                sb.append("Related: [").append(other).append("](/runbooks/").append(job).append('/')
                        .append(other.toLowerCase(Locale.ROOT)).append("/) and the [").append(job)
                        .append(" section](/runbooks/").append(job).append("/).\n\n");
            }
            while (sb.length() < sectionEnd) {
                paragraph(sb, svc, job, team, region, metric, 1 + random.nextInt(3));
            }
        }
        write("content/runbooks/" + job + "/" + name + ".md", sb.toString());
    }

    void paragraph(StringBuilder sb, String svc, String job, String team, String region, String metric, int sentences) {
        int start = sb.length();
        for (int i = 0; i < sentences; i++) {
            String sentence = pick(OPENERS) + " " + pick(STATES) + ". " + pick(CLOSERS);
            sb.append(fill(sentence, svc, job, team, region, metric)).append(' ');
        }
        sb.setLength(sb.length() - 1);
        wrap(sb, start);
        sb.append("\n\n");
    }

    /** Wraps the text appended since start at about 100 columns, as people write Markdown. */
    static void wrap(StringBuilder sb, int start) {
        int lineStart = start;
        for (int i = start; i < sb.length(); i++) {
            if (sb.charAt(i) == ' ' && i - lineStart > 96) {
                sb.setCharAt(i, '\n');
                lineStart = i + 1;
            }
        }
    }

    void code(StringBuilder sb, String kind, Family family, String job, String svc, int tier) {
        sb.append("```").append(kind).append('\n');
        switch (kind) {
            case "promql" -> sb.append(sub(family.expr().replaceAll("\\s*[<>]=? T\\b", ""), job, family.thresholds()[tier])).append('\n');
            case "bash" -> sb.append("kubectl -n ").append(job).append(" get pods -l app=").append(svc).append(" -o wide\n")
                    .append("kubectl -n ").append(job).append(" logs deployment/").append(svc)
                    .append(" --since=15m | grep -iE 'error|timeout' | sort | uniq -c | sort -rn | head -20\n")
                    .append("kubectl -n ").append(job).append(" rollout history deployment/").append(svc).append('\n');
            default -> sb.append("# Temporary override while the incident is open; revert afterwards.\n")
                    .append("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ").append(svc)
                    .append("\n  namespace: ").append(job).append("\nspec:\n  replicas: ").append(3 + random.nextInt(6))
                    .append("\n  template:\n    spec:\n      containers:\n        - name: ").append(svc)
                    .append("\n          resources:\n            limits:\n              cpu: \"").append(1 + random.nextInt(4))
                    .append("\"\n              memory: ").append(512 * (1 + random.nextInt(8))).append("Mi\n");
        }
        sb.append("```\n\n");
    }

    void table(StringBuilder sb, String job) {
        sb.append("| Signal | Where to look |\n|---|---|\n");
        sb.append("| error rate | the `").append(job).append("` overview dashboard |\n");
        sb.append("| saturation | `kubectl top pods -n ").append(job).append("` |\n");
        sb.append("| recent changes | the deploy log and `#").append(job).append("-changes` |\n\n");
    }

    static String metricOf(Family family) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([A-Za-z_:]+)\\{").matcher(family.expr());
        return m.find() ? m.group(1) : "up";
    }

    /** Fills in the placeholders J (the job) and T (the threshold), which stand alone as words. */
    static String sub(String text, String job, String threshold) {
        return text.replaceAll("\\bJ\\b", job).replaceAll("\\bT\\b", threshold);
    }

    String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    static String fill(String text, String svc, String job, String team, String region, String metric) {
        return text.replace("{svc}", svc).replace("{job}", job).replace("{team}", team)
                .replace("{region}", region.toUpperCase(Locale.ROOT)).replace("{metric}", "`" + metric + "`");
    }

    /** The summary without its template actions, for a front matter description. */
    static String plain(String template, String svc, String job) {
        return template.replace("{{ $labels.job }}", job).replace("{{ $labels.instance }}", "an instance of " + job)
                .replaceAll("\\{\\{[^}]*}}", "too much").replace("{{", "").replace("}}", "");
    }

    void shuffle(List<int[]> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
    }

    static boolean hasBoth(List<int[]> kinds, int family) {
        return kinds.stream().filter(k -> k[0] == family).count() == 2;
    }

    static String camel(String s) {
        StringBuilder sb = new StringBuilder();
        for (String part : s.split("[-_]")) {
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }

    /** A YAML double-quoted scalar. */
    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    void write(String relative, String text) throws IOException {
        Path path = out.resolve(relative);
        Files.createDirectories(path.getParent());
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        Files.write(path, data);
        bytes += data.length;
        files++;
    }
}
