package io.cloudist.worker;

import java.io.IOException;
import java.io.InputStream;

/** For local workers: the coordinator holds our standard input; when it closes, the coordinator is gone. */
final class ParentWatch {
    private ParentWatch() {}

    static void exitWhenStdinCloses() {
        Thread watch = new Thread(
                () -> {
                    InputStream in = System.in;
                    try {
                        while (in.read() >= 0) {
                            // nothing is ever sent; only end-of-stream matters
                        }
                    } catch (IOException e) {
                        // a broken pipe means the same as end-of-stream
                    }
                    Runtime.getRuntime().halt(3);
                },
                "cloudist-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
