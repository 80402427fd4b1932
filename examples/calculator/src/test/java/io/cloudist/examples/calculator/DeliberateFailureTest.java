package io.cloudist.examples.calculator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Runs only with {@code -Dexample.fail=true} (see the profile in pom.xml), to show how a failure is reported. */
class DeliberateFailureTest {

    @Test
    void expectsTheWrongSum() {
        assertEquals(5, new Calculator().add(2, 2), "2 + 2 is not 5: this failure is deliberate");
    }

    @Test
    void passesNextToTheFailure() {
        assertEquals(4, new Calculator().add(2, 2));
    }
}
