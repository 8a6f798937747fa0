package dev.alertbook.template;

import java.util.Optional;

/** A Go struct or pointer whose fields and methods a template can reach with {@code .Name}. */
interface GoObject {

    /** The Go type as error messages print it, such as {@code *template.sample}. */
    String typeName();

    default Optional<Object> field(String name) {
        return Optional.empty();
    }

    default Optional<GoFunction> method(String name) {
        return Optional.empty();
    }
}
