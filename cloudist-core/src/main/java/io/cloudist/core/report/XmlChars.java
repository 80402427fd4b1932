package io.cloudist.core.report;

/**
 * Keeps text that Java tests print or throw well-formed in XML 1.0, the way Surefire does.
 *
 * <p>Characters XML 1.0 forbids (controls other than tab, line feed and carriage return, and U+FFFE/U+FFFF) become
 * {@code &#N;} in attributes and the literal text {@code &amp#N;} in element content, as Surefire writes them. A lone
 * surrogate becomes {@code ?}, as Java's UTF-8 encoder writes it.
 */
final class XmlChars {
    private XmlChars() {}

    /**
     * An attribute value; the XML writer escapes the {@code &} of {@code &#N;} again, as Surefire's does. Line breaks
     * and tabs become the placeholders of {@link AttributeBreaks}.
     */
    static String attribute(String text) {
        String escaped = escapeIllegal(withoutLoneSurrogates(text), "&#");
        StringBuilder out = new StringBuilder(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            out.append(AttributeBreaks.placeholder(escaped.charAt(i)));
        }
        return out.toString();
    }

    /** Element content, for writing as text or inside CDATA. */
    static String content(String text) {
        return escapeIllegal(withoutLoneSurrogates(text), "&amp#");
    }

    static boolean hasIllegal(String text) {
        return text.chars().anyMatch(XmlChars::isIllegal);
    }

    private static String escapeIllegal(String text, String prefix) {
        if (!hasIllegal(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isIllegal(c)) {
                out.append(prefix).append((int) c).append(';');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isIllegal(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF;
    }

    private static String withoutLoneSurrogates(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pairStart = Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pairStart) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append('?');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
