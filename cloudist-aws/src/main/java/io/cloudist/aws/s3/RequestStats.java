package io.cloudist.aws.s3;

/**
 * The HTTP requests an {@link S3Store} sent since it was opened, retries included, and the payload bytes they
 * carried. S3 bills by request kind, so these are the numbers the performance docs quote.
 *
 * @param gets object downloads
 * @param puts object uploads, including each part and the start and completion of multipart uploads
 * @param heads existence checks of objects and of the bucket
 * @param lists list requests (one per page of up to 1000 keys)
 * @param deletes object deletions
 * @param bytesSent request payload bytes
 * @param bytesReceived response payload bytes
 */
public record RequestStats(
        long gets, long puts, long heads, long lists, long deletes, long bytesSent, long bytesReceived) {

    /** Every request of every kind. */
    public long requests() {
        return gets + puts + heads + lists + deletes;
    }

    /** What happened between {@code earlier} and this. */
    public RequestStats minus(RequestStats earlier) {
        return new RequestStats(
                gets - earlier.gets,
                puts - earlier.puts,
                heads - earlier.heads,
                lists - earlier.lists,
                deletes - earlier.deletes,
                bytesSent - earlier.bytesSent,
                bytesReceived - earlier.bytesReceived);
    }

    /** E.g. {@code 412 S3 requests (GET 310, PUT 80, HEAD 20, LIST 2, DELETE 0), 3.1 MB sent, 0.8 MB received}. */
    @Override
    public String toString() {
        return String.format(
                java.util.Locale.ROOT,
                "%d S3 requests (GET %d, PUT %d, HEAD %d, LIST %d, DELETE %d), %.1f MB sent, %.1f MB received",
                requests(),
                gets,
                puts,
                heads,
                lists,
                deletes,
                bytesSent / 1e6,
                bytesReceived / 1e6);
    }
}
