package dev.alertbook.site;

/** Escaping for the few files written without a template engine. */
final class Escape {

    private Escape() {
    }

    static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
