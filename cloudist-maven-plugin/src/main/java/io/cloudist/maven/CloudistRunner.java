package io.cloudist.maven;

import io.cloudist.core.run.Cloudist;
import io.cloudist.core.run.ReactorOutcome;
import io.cloudist.core.run.ReactorRequest;
import java.util.function.Function;

/** Carries out a reactor's run through core, on the lead module's console and with its cloud modules loaded. */
final class CloudistRunner implements ReactorRun.Runner {
    @Override
    public ReactorOutcome run(ReactorRequest request, ReactorModule lead) {
        return onLead(lead, listener -> Cloudist.run(request, listener));
    }

    @Override
    public void warmUp(ReactorModule module) {
        Cloudist.warmUp(module.run().request());
    }

    /**
     * What {@code action} returns, called on the lead module's console listener, with its cloud modules loaded and
     * the plugin's class loader as the thread's context class loader: run from a Maven event, the thread's is Maven's,
     * not the plugin's as it is in a goal, and core looks for its providers there.
     */
    static <T> T onLead(ReactorModule lead, Function<MavenRunListener, T> action) {
        MavenRunListener listener = lead.console().listener();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(CloudistRunner.class.getClassLoader());
        try {
            return lead.run().extension().call(() -> action.apply(listener));
        } finally {
            listener.finish();
            thread.setContextClassLoader(previous);
        }
    }
}
