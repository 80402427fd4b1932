package io.cloudist.aws.image;

import java.util.Optional;

/** Whether a repository holds an image of a tag already, asked before anything is built. */
public interface ImageLookup {
    /** The digest of the image tagged {@code tag}, or empty when there is none. */
    Optional<String> digestOf(String tag);
}
