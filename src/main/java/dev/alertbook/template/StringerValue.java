package dev.alertbook.template;

/**
 * A Go value whose type has a {@code String()} method, which templates print instead of the
 * value: a native histogram, {@code *histogram.FloatHistogram}, as an alert's {@code $value} or a
 * {@code query} result's value.
 *
 * @param goType the Go type, as error messages name it
 * @param text   what its {@code String()} returns
 */
public record StringerValue(String goType, String text) implements GoValues.Stringer, GoObject {

    @Override
    public String goString() {
        return text;
    }

    @Override
    public String typeName() {
        return goType;
    }
}
