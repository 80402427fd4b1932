package io.cloudist.core.jvm;

import io.cloudist.core.jvm.ClassDataArchive.Writing;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Claims an archive in a process of its own, as a worker in another process would: {@code <directory> <java> <jar>}.
 * It says whether it got it, and holds it until its standard input ends.
 */
public final class ClassDataClaimMain {
    private ClassDataClaimMain() {}

    public static void main(String[] args) throws IOException {
        ClassDataArchive archive = new ClassDataArchive(
                Path.of(args[0]), "test-", Path.of(args[1]), List.of(Path.of(args[2])), List.of(), Duration.ofDays(7));
        Optional<Writing> writing = archive.claim();
        System.out.println(writing.isPresent() ? "claimed" : "not claimed");
        System.out.flush();
        while (System.in.read() >= 0) {
            // holds the claim until the test closes the pipe
        }
        writing.ifPresent(Writing::close);
    }
}
