package dev.alertbook.promql;

import dev.alertbook.golang.Quoting;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Go's strconv.Quote and strconv.Unquote, which PromQL uses for string literals
 * and for printing them, so printed queries and quoted names match Prometheus's byte for byte.
 */
final class GoStrings {

    /** Where invalid UTF-8 bytes are kept: lone surrogates U+DC80 to U+DCFF. */
    private static final int ESCAPED_BYTE = 0xDC80;

    private GoStrings() {
    }

    /**
     * The value of a string token the lexer has already checked. Octal and {@code \x} escapes are
     * bytes in Go, so the result is assembled as UTF-8 bytes and decoded at the end.
     */
    static String unquote(String token) {
        char open = token.charAt(0);
        String body = token.substring(1, token.length() - 1);
        if (open == '`') {
            return body;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length());
        int i = 0;
        while (i < body.length()) {
            int c = body.codePointAt(i);
            i += Character.charCount(c);
            if (c != '\\') {
                writeUtf8(bytes, c);
                continue;
            }
            char escape = body.charAt(i++);
            switch (escape) {
                case 'a' -> bytes.write(7);
                case 'b' -> bytes.write('\b');
                case 'f' -> bytes.write('\f');
                case 'n' -> bytes.write('\n');
                case 'r' -> bytes.write('\r');
                case 't' -> bytes.write('\t');
                case 'v' -> bytes.write(11);
                case 'x' -> {
                    bytes.write(Integer.parseInt(body.substring(i, i + 2), 16));
                    i += 2;
                }
                case 'u', 'U' -> {
                    int digits = escape == 'u' ? 4 : 8;
                    writeUtf8(bytes, Integer.parseInt(body.substring(i, i + digits), 16));
                    i += digits;
                }
                default -> {
                    if (escape >= '0' && escape <= '7') {
                        bytes.write(Integer.parseInt(body.substring(i - 1, i + 2), 8));
                        i += 2;
                    } else {
                        bytes.write(escape);
                    }
                }
            }
        }
        return decode(bytes.toByteArray());
    }

    /**
     * UTF-8 bytes to text, keeping invalid bytes: each becomes a lone surrogate U+DC80+byte (as
     * Python's "surrogateescape" does), which {@link #quote} prints back as Go does, as a hex escape.
     */
    private static String decode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            int length = sequenceLength(bytes, i);
            if (length == 0) {
                out.append((char) (ESCAPED_BYTE + (bytes[i] & 0xff)));
                i++;
            } else {
                out.append(new String(bytes, i, length, StandardCharsets.UTF_8));
                i += length;
            }
        }
        return out.toString();
    }

    /** The length of the valid UTF-8 sequence at {@code i}, or 0 if the byte there starts none. */
    private static int sequenceLength(byte[] bytes, int i) {
        int lead = bytes[i] & 0xff;
        int length;
        int low = 0x80;
        int high = 0xbf;
        if (lead < 0x80) {
            return 1;
        } else if (lead >= 0xc2 && lead <= 0xdf) {
            length = 2;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            length = 3;
            low = lead == 0xe0 ? 0xa0 : 0x80;
            high = lead == 0xed ? 0x9f : 0xbf;
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            length = 4;
            low = lead == 0xf0 ? 0x90 : 0x80;
            high = lead == 0xf4 ? 0x8f : 0xbf;
        } else {
            return 0;
        }
        for (int k = 1; k < length; k++) {
            int next = i + k < bytes.length ? bytes[i + k] & 0xff : -1;
            if (next < (k == 1 ? low : 0x80) || next > (k == 1 ? high : 0xbf)) {
                return 0;
            }
        }
        return length;
    }

    private static void writeUtf8(ByteArrayOutputStream bytes, int codePoint) {
        bytes.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
    }
}
