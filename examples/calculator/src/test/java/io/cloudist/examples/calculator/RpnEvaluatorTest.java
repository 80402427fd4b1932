package io.cloudist.examples.calculator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RpnEvaluatorTest {
    private final RpnEvaluator evaluator = new RpnEvaluator();

    @Test
    void evaluatesASingleNumber() {
        assertEquals(42, evaluator.evaluate("42"));
    }

    @Nested
    class WellFormedExpressions {
        @Test
        void appliesOperatorsInOrder() {
            assertEquals(14, evaluator.evaluate("3 4 + 2 *"));
        }

        @Test
        void toleratesExtraWhitespace() {
            assertEquals(1, evaluator.evaluate("  7   7 / "));
        }

        @Test
        void raisesToAPower() {
            assertEquals(81, evaluator.evaluate("3 4 ^"));
        }
    }

    @Nested
    class MalformedExpressions {
        @Test
        void rejectsAMissingOperand() {
            assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate("1 +"));
        }

        @Test
        void rejectsLeftoverValues() {
            assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate("1 2"));
        }

        @Test
        void rejectsUnknownTokens() {
            assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate("1 2 %"));
        }
    }
}
