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
}
