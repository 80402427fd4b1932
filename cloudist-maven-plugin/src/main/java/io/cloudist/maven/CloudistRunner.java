package io.cloudist.maven;

import io.cloudist.core.run.Cloudist;
import io.cloudist.core.run.ReactorOutcome;
import io.cloudist.core.run.ReactorRequest;

/** Carries out a reactor's run through core, on the lead module's console and with its cloud modules loaded. */
final class CloudistRunner implements ReactorRun.Runner {
    @Override
    public ReactorOutcome run(ReactorRequest request, ReactorModule lead) {
        MavenRunListener listener = lead.console().listener();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Run from a Maven event, the thread's context class loader is Maven's, not the plugin's, as it is in a goal:
        // core looks for its providers there.
        thread.setContextClassLoader(CloudistRunner.class.getClassLoader());
        try {
            return lead.run().extension().call(() -> Cloudist.run(request, listener));
        } finally {
            listener.finish();
            thread.setContextClassLoader(previous);
        }
    }
}
