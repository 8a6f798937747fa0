package dev.alertbook.template;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Go's {@code net.SplitHostPort}, {@code net.JoinHostPort} and {@code net.ParseIP}, for
 * Prometheus's {@code stripPort} and {@code stripDomain}.
 */
final class HostPort {

    private static final Pattern IPV4 = Pattern.compile("(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9a-fA-F]{1,4}");

    private record Split(String host, String port) {
    }

    private HostPort() {
    }

    /** Host and port, or empty where Go's {@code SplitHostPort} returns an error. */
    private static Optional<Split> split(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String host;
        int j = 0;
        int k = 0;
        if (hostPort.startsWith("[")) {
            int end = hostPort.indexOf(']');
            if (end < 0 || end + 1 != colon) {
                return Optional.empty();
            }
            host = hostPort.substring(1, end);
            j = 1;
            k = end + 1;
        } else {
            host = hostPort.substring(0, colon);
            if (host.indexOf(':') >= 0) {
                return Optional.empty();
            }
        }
        if (hostPort.indexOf('[', j) >= 0 || hostPort.indexOf(']', k) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new Split(host, hostPort.substring(colon + 1)));
    }

    static String stripPort(String hostPort) {
        return split(hostPort).map(Split::host).orElse(hostPort);
    }

    static String stripDomain(String hostPort) {
        Optional<Split> split = split(hostPort);
        String host = split.map(Split::host).orElse(hostPort);
        if (isIP(host)) {
            return hostPort;
        }
        host = host.split("\\.", -1)[0];
        String port = split.map(Split::port).orElse("");
        if (!port.isEmpty()) {
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }
        return host;
    }

    static boolean isIP(String text) {
        return isIPv4(text) || isIPv6(text);
    }

    private static boolean isIPv4(String text) {
        if (!IPV4.matcher(text).matches()) {
            return false;
        }
        for (String part : text.split("\\.")) {
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIPv6(String text) {
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String[] halves = doubleColon >= 0
                ? new String[] {text.substring(0, doubleColon), text.substring(doubleColon + 2)}
                : new String[] {text};
        int groups = 0;
        for (int h = 0; h < halves.length; h++) {
            if (halves[h].isEmpty()) {
                continue;
            }
            String[] parts = halves[h].split(":", -1);
            for (int i = 0; i < parts.length; i++) {
                boolean last = h == halves.length - 1 && i == parts.length - 1;
                if (last && isIPv4(parts[i])) {
                    groups += 2;
                } else if (HEX_GROUP.matcher(parts[i]).matches()) {
                    groups++;
                } else {
                    return false;
                }
            }
        }
        return doubleColon >= 0 ? groups < 8 : groups == 8;
    }
}
