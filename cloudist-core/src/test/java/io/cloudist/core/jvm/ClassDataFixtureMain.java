package io.cloudist.core.jvm;

/** A main class the archive tests run from a jar in a real JVM, to be archived. */
public final class ClassDataFixtureMain {
    private ClassDataFixtureMain() {}

    public static void main(String[] args) {
        System.out.println("class data fixture ran");
    }
}
