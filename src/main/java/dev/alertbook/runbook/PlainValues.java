package dev.alertbook.runbook;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns composed YAML nodes into the plain Java values templates work with. Dates stay text as
 * written: a {@code java.util.Date} would print in the build machine's time zone and locale.
 * Not thread-safe; make one per file.
 */
final class PlainValues extends SafeConstructor {

    PlainValues() {
        super(new LoaderOptions());
        yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
    }

    /** The value of {@code node}; throws YAMLException or IllegalArgumentException if it cannot be built. */
    Object value(Node node) {
        return constructDocument(node);
    }
}
