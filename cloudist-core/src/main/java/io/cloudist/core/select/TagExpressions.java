package io.cloudist.core.select;

import io.cloudist.core.ConfigurationException;
import java.util.Arrays;
import java.util.List;

/** Turns Surefire's comma-separated {@code groups}/{@code excludedGroups} into one JUnit Platform tag expression. */
final class TagExpressions {
    private TagExpressions() {}

    /**
     * Joins the comma-separated expressions with {@code |} (each parenthesised when there are several); empty when
     * none.
     *
     * @param property the parameter being read, named in the error
     * @throws ConfigurationException when an expression's parentheses do not balance
     */
    static String join(String csv, String property) {
        List<String> expressions = Arrays.stream(csv.split(","))
                .map(String::trim)
                .filter(e -> !e.isEmpty())
                .toList();
        for (String expression : expressions) {
            if (!balanced(expression)) {
                throw new ConfigurationException(
                        property,
                        csv,
                        "balance the parentheses of '" + expression + "'; tag expressions use tags, !, &, | and ()");
            }
        }
        if (expressions.size() == 1) {
            return expressions.get(0);
        }
        return String.join("|", expressions.stream().map(e -> "(" + e + ")").toList());
    }

    private static boolean balanced(String expression) {
        int depth = 0;
        for (char c : expression.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
