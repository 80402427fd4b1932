package io.cloudist.core.report;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Lets line breaks and tabs in attribute values survive parsing, as {@code &#10;}, {@code &#13;} and {@code &#9;}.
 *
 * <p>A raw line break in an attribute is read back as a space, and StAX has no way to write a character reference
 * into an attribute. So {@link XmlChars#attribute} hands the writer these characters as reserved lone surrogates,
 * which sanitized text never contains, and this writer turns them into character references on the way out.
 */
final class AttributeBreaks extends FilterWriter {
    static final char LINE_FEED = '\uDC0A';
    static final char CARRIAGE_RETURN = '\uDC0D';
    static final char TAB = '\uDC09';

    AttributeBreaks(Writer out) {
        super(out);
    }

    /** The placeholder for a line break or tab in an attribute value, or the character itself. */
    static char placeholder(char c) {
        return switch (c) {
            case '\n' -> LINE_FEED;
            case '\r' -> CARRIAGE_RETURN;
            case '\t' -> TAB;
            default -> c;
        };
    }

    @Override
    public void write(int c) throws IOException {
        switch (c) {
            case LINE_FEED -> out.write("&#10;");
            case CARRIAGE_RETURN -> out.write("&#13;");
            case TAB -> out.write("&#9;");
            default -> out.write(c);
        }
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(chars[i]);
        }
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(text.charAt(i));
        }
    }
}
