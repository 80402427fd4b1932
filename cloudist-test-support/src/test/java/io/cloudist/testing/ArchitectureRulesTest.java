package io.cloudist.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

class ArchitectureRulesTest {
    /** Prints from its entry point, from a helper, and from a lambda in each. */
    static final class Printer {
        public static void main(String[] args) {
            System.out.println("main");
            Runnable r = () -> System.err.println("lambda in main");
            r.run();
        }

        static void helper() {
            System.out.println("helper");
        }

        static void capture() {
            Runnable r = () -> System.setOut(System.out);
            r.run();
        }
    }

    private final JavaClasses printer = new ClassFileImporter().importClasses(Printer.class);

    @Test
    void systemStreamsOutsideMainAndTheListedPlacesAreViolations() {
        EvaluationResult result = ArchitectureRules.systemStreamsOnlyIn().evaluate(printer);

        assertThat(result.getFailureReport().getDetails())
                .hasSize(3)
                .allSatisfy(line -> assertThat(line).containsAnyOf(".helper()", ".capture()"));
    }

    @Test
    void aListedMethodOrClassMayUseThem() {
        String name = Printer.class.getName();
        assertThat(ArchitectureRules.systemStreamsOnlyIn(name + ".helper", name + ".capture")
                        .evaluate(printer)
                        .hasViolation())
                .isFalse();
        assertThat(ArchitectureRules.systemStreamsOnlyIn(name).evaluate(printer).hasViolation())
                .isFalse();
    }
}
