package dev.alertbook.source;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns composed YAML nodes into the plain Java values templates work with. Dates stay text as
 * written: a {@code java.util.Date} would print in the build machine's time zone and locale.
 * Not thread-safe, and building one cost a fifth of reading a front matter, so each thread keeps
 * one: SnakeYAML clears what building a value kept, whether it succeeded or not.
 */
public final class PlainValues extends SafeConstructor {

    private static final ThreadLocal<PlainValues> PER_THREAD = ThreadLocal.withInitial(PlainValues::new);

    private PlainValues() {
        super(new LoaderOptions());
        yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
    }

    /** This thread's instance. */
    public static PlainValues ofThisThread() {
        return PER_THREAD.get();
    }

    /** The value of {@code node}; throws YAMLException or IllegalArgumentException if it cannot be built. */
    public Object value(Node node) {
        return constructDocument(node);
    }
}
