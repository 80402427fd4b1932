package io.cloudist.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The architecture rules each module checks on its own main classes, in a test of its own ({@code ArchitectureTest}):
 * no package cycles, no dependency on what the module must not know, and {@code System.out}/{@code System.err} only
 * where a process or a test's output begins.
 */
public final class ArchitectureRules {
    private ArchitectureRules() {}

    /** The module's main classes in {@code rootPackage} and below: its {@code target/classes}, no tests, no jars. */
    public static JavaClasses mainClasses(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
    }

    /**
     * The packages one level below {@code rootPackage}, each with its subpackages, and {@code rootPackage} itself (its
     * entry points and shared types) depend on each other without a cycle. A module of one package has nothing to
     * check, which passes.
     */
    public static ArchRule noPackageCycles(String rootPackage) {
        return slices().assignedFrom(new SliceAssignment() {
                    @Override
                    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                        String name = javaClass.getPackageName();
                        if (name.equals(rootPackage)) {
                            return SliceIdentifier.of(rootPackage);
                        }
                        if (!name.startsWith(rootPackage + ".")) {
                            return SliceIdentifier.ignore();
                        }
                        String below = name.substring(rootPackage.length() + 1);
                        int dot = below.indexOf('.');
                        return SliceIdentifier.of(dot < 0 ? below : below.substring(0, dot));
                    }

                    @Override
                    public String getDescription() {
                        return rootPackage + " and each package one level below it";
                    }
                })
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(true);
    }

    /** No class depends on a class in any of {@code packages} (ArchUnit package patterns, e.g. {@code org.junit..}). */
    public static ArchRule noDependencyOn(String... packages) {
        return noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packages)
                .because("each module keeps the one-way dependencies of STYLE.md rule 1");
    }

    /**
     * {@code System.out} and {@code System.err} are read, and {@code System.setOut}/{@code setErr} called, only in
     * methods named {@code main} and in the places listed: a class ({@code io.cloudist.runner.OutputCapture}, nested
     * classes included) or one method of it ({@code io.cloudist.runner.ServeMode.run}). Lambdas count as part of the
     * method they are written in.
     */
    public static ArchRule systemStreamsOnlyIn(String... places) {
        Set<String> allowed = Set.of(places);
        String where = allowed.isEmpty()
                ? ""
                : " and " + String.join(", ", allowed.stream().sorted().toList());
        return classes().should(new ArchCondition<JavaClass>("use System.out/System.err only in main methods" + where) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                Stream.concat(
                                javaClass.getFieldAccessesFromSelf().stream()
                                        .filter(a -> isSystem(a)
                                                && List.of("out", "err").contains(a.getName())),
                                javaClass.getMethodCallsFromSelf().stream()
                                        .filter(c -> isSystem(c)
                                                && List.of("setOut", "setErr").contains(c.getName())))
                        .filter(access -> !allowed(access.getOrigin(), allowed))
                        .forEach(access -> events.add(SimpleConditionEvent.violated(access, access.getDescription())));
            }
        });
    }

    private static boolean isSystem(JavaAccess<?> access) {
        return access.getTargetOwner().isEquivalentTo(System.class);
    }

    private static boolean allowed(JavaCodeUnit origin, Set<String> allowed) {
        String owner = origin.getOwner().getName();
        String topLevel = owner.contains("$") ? owner.substring(0, owner.indexOf('$')) : owner;
        String name = origin.getName();
        String method = name.startsWith("lambda$") ? name.split("\\$")[1] : name;
        return method.equals("main")
                || Stream.of(owner, topLevel).anyMatch(c -> allowed.contains(c) || allowed.contains(c + "." + method));
    }
}
