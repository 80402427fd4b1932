package io.cloudist.core.select;

/** Decides, after discovery, whether a test method runs. */
@FunctionalInterface
public interface MethodFilter {
    /** Accepts every method. */
    MethodFilter ALL = (className, methodName) -> true;

    /**
     * @param className the binary name of the method's class ({@code pkg.Outer$Inner}), as its {@code MethodSource}
     *     gives it
     * @param methodName the method's name, without parameters
     */
    boolean accepts(String className, String methodName);
}
