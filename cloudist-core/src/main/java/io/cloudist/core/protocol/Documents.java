package io.cloudist.core.protocol;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cloudist.core.CloudistException;
import java.io.IOException;

/**
 * Reads and writes the Store's documents as JSON. Every document carries a {@code schema} number; a reader
 * refuses a document whose schema is newer than it understands, and ignores fields it does not know.
 */
public final class Documents {
    /**
     * The schema version every document of this cloudist writes. 2: a run's manifest lists its modules and each
     * assignment names its module. A field added since that a reader may do without (a task result's
     * {@link WorkerTimes}) leaves the number as it is: a reader that does not know the field ignores it, and one that
     * does reads a document without it as "not recorded".
     */
    public static final int SCHEMA = 2;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Documents() {}

    public static byte[] write(Object document) {
        try {
            return MAPPER.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new CloudistException("Cannot write " + document.getClass().getSimpleName() + ": " + e, e);
        }
    }

    public static <T extends Versioned> T read(byte[] json, Class<T> type) {
        T document;
        try {
            document = MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new CloudistException("Unreadable " + type.getSimpleName() + " document: " + e.getMessage(), e);
        }
        if (document.schema() > SCHEMA) {
            throw new CloudistException(type.getSimpleName() + " has schema " + document.schema()
                    + " but this cloudist reads up to " + SCHEMA + ": use the same cloudist version everywhere");
        }
        return document;
    }

    /**
     * Builds, now, the serializers and deserializers of {@code types}, which the first write or read of each would
     * otherwise build (with Jackson's own classes, a few hundred milliseconds in a new JVM).
     */
    public static void prefetch(Class<?>... types) {
        for (Class<?> type : types) {
            MAPPER.writerFor(type);
            MAPPER.readerFor(type);
        }
    }

    /** The shared mapper, for documents that are not versioned (e.g. runner output lines). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A document with a schema version. */
    public interface Versioned {
        int schema();
    }
}
