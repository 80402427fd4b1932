/**
 * Helpers that the tests of several modules share, on the test classpath only: {@link io.cloudist.testing.ManualClock},
 * {@link io.cloudist.testing.FakeImds} and {@link io.cloudist.testing.ArchitectureRules}. Helpers that need cloudist
 * types live in the test-jar of the module that owns the types (cloudist-core's, cloudist-aws's).
 */
package io.cloudist.testing;
