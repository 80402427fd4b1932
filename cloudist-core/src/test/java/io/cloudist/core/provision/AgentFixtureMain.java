package io.cloudist.core.provision;

/** A stand-in for the worker agent's main class: the archive tests run it in a real JVM from a jar. */
public final class AgentFixtureMain {
    private AgentFixtureMain() {}

    public static void main(String[] args) {
        System.out.println("agent fixture ran");
    }
}
