package io.cloudist.aws.s3;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Uploads a large file in parts of {@link #PART_SIZE}, each with its SHA-256 (S3 then keeps a SHA-256 of the parts'
 * SHA-256s), and the object metadata given. Each part is read afresh from the file on every attempt, so
 * the SDK can retry a part on its own; when the upload fails for good it is aborted, so no parts are left billed.
 */
final class MultipartUpload {
    /** Files larger than this are uploaded in parts of this size. */
    static final long PART_SIZE = 16L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(MultipartUpload.class);

    private MultipartUpload() {}

    static void upload(
            S3Client s3,
            String bucket,
            String key,
            Path file,
            long size,
            Map<String, String> metadata,
            AwsRequestOverrideConfiguration timeouts) {
        String uploadId = s3.createMultipartUpload(r -> r.bucket(bucket)
                        .key(key)
                        .metadata(metadata)
                        .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                        .overrideConfiguration(timeouts))
                .uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (long offset = 0; offset < size; offset += PART_SIZE) {
                long length = Math.min(PART_SIZE, size - offset);
                int number = parts.size() + 1;
                long from = offset;
                UploadPartResponse response = s3.uploadPart(
                        r -> r.bucket(bucket)
                                .key(key)
                                .uploadId(uploadId)
                                .partNumber(number)
                                .contentLength(length)
                                .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                                .overrideConfiguration(timeouts),
                        RequestBody.fromContentProvider(
                                () -> slice(file, from, length), length, "application/octet-stream"));
                parts.add(CompletedPart.builder()
                        .partNumber(number)
                        .eTag(response.eTag())
                        .checksumSHA256(response.checksumSHA256())
                        .build());
            }
            s3.completeMultipartUpload(r -> r.bucket(bucket)
                    .key(key)
                    .uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts))
                    .overrideConfiguration(timeouts));
        } catch (RuntimeException e) {
            abort(s3, bucket, key, uploadId);
            throw e;
        }
    }

    private static void abort(S3Client s3, String bucket, String key, String uploadId) {
        try {
            s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            LOG.warn(
                    "Could not abort the multipart upload {} of s3://{}/{}: {}", uploadId, bucket, key, e.getMessage());
        }
    }

    /** A stream of {@code length} bytes of {@code file} from {@code offset}. */
    private static InputStream slice(Path file, long offset, long length) {
        try {
            FileChannel channel =
                    FileChannel.open(file, StandardOpenOption.READ).position(offset);
            return new FilterInputStream(Channels.newInputStream(channel)) {
                private long left = length;

                @Override
                public int read() throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int b = super.read();
                    if (b >= 0) {
                        left--;
                    }
                    return b;
                }

                @Override
                public int available() throws IOException {
                    return (int) Math.min(super.available(), left);
                }

                @Override
                public int read(byte[] buffer, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = super.read(buffer, off, (int) Math.min(len, left));
                    if (n > 0) {
                        left -= n;
                    }
                    return n;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
