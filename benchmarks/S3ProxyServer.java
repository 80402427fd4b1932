import java.net.URI;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.gaul.s3proxy.blobstore.BlobStore;

/**
 * An S3 server in memory on 127.0.0.1 (s3proxy) for {@code benchmarks/s3-overhead.sh}: it creates the bucket given,
 * prints {@code listening on <port>}, and serves until it is killed.
 *
 * <p>Usage: {@code java -cp <s3proxy's classpath> benchmarks/S3ProxyServer.java BUCKET ACCESS_KEY SECRET_KEY}.
 */
public final class S3ProxyServer {
    private S3ProxyServer() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java -cp <s3proxy classpath> S3ProxyServer.java BUCKET ACCESS_KEY SECRET_KEY");
            System.exit(2);
        }
        BlobStore blobs = new TransientNio2BlobStore();
        blobs.createContainer(args[0]);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobs)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, args[1], args[2])
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        System.out.println("listening on " + proxy.getPort());
        Thread.currentThread().join();
    }
}
