package io.cloudist.aws.s3;

import io.cloudist.core.concurrent.DaemonThreads;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 proxy on 127.0.0.1 in front of an S3 server that injects S3's transient failures: 503 SlowDown, 500
 * InternalError, added latency, connections dropped in the middle of a response, and outages during which every
 * request gets a 503. Bytes pass through unchanged (AWS signatures stay valid) except the {@code Connection} header:
 * every connection carries one request, so that each request can meet its own fault.
 */
public final class FaultProxy implements AutoCloseable {
    /**
     * What happens to requests, each drawn independently.
     *
     * @param slowDown share answered 503 SlowDown
     * @param internalError share answered 500 InternalError
     * @param drop share whose connection is cut half-way through the response
     * @param latencyMillis added before each request is forwarded
     */
    record Plan(double slowDown, double internalError, double drop, long latencyMillis) {
        static final Plan NONE = new Plan(0, 0, 0, 0);
    }

    private final URI upstream;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(DaemonThreads.named("fault-proxy"));
    private volatile Plan plan = Plan.NONE;
    private volatile long outageUntilNanos = System.nanoTime();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger injected = new AtomicInteger();
    private final List<List<String>> heads = new CopyOnWriteArrayList<>();
    private volatile String bucketOwner;

    public FaultProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    void plan(Plan plan) {
        this.plan = plan;
    }

    /** Answers every request with 503 SlowDown for {@code duration} from now. */
    public void outageFor(Duration duration) {
        outageUntilNanos = System.nanoTime() + duration.toNanos();
    }

    void endOutage() {
        outageUntilNanos = System.nanoTime();
    }

    /** Requests received so far. */
    int requests() {
        return requests.get();
    }

    /** The request line and headers of every request received so far. */
    List<List<String>> heads() {
        return List.copyOf(heads);
    }

    /**
     * From now on the bucket belongs to {@code account}: a request that names another expected owner gets S3's
     * answer, 403 AccessDenied (s3proxy does not check the owner).
     */
    void bucketOwner(String account) {
        this.bucketOwner = account;
    }

    /** Requests that met a fault (latency aside). */
    int injected() {
        return injected.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            List<String> head = readHead(in);
            if (head.isEmpty()) {
                return;
            }
            requests.incrementAndGet();
            heads.add(List.copyOf(head));
            String owner = bucketOwner;
            String expected = header(head, "x-amz-expected-bucket-owner");
            if (owner != null && expected != null && !expected.equals(owner)) {
                copy(in, OutputStream.nullOutputStream(), requestLength(head));
                answer(client, 403, "Forbidden", "AccessDenied");
                return;
            }
            Plan now = plan;
            double dice = ThreadLocalRandom.current().nextDouble();
            boolean expectsContinue =
                    head.stream().anyMatch(l -> l.toLowerCase(Locale.ROOT).startsWith("expect:"));
            if (!expectsContinue
                    && (System.nanoTime() < outageUntilNanos || dice < now.slowDown() + now.internalError())) {
                copy(in, OutputStream.nullOutputStream(), requestLength(head)); // read the request before answering
            }
            if (System.nanoTime() < outageUntilNanos || dice < now.slowDown()) {
                answer(client, 503, "Slow Down", "SlowDown");
                return;
            }
            if (dice < now.slowDown() + now.internalError()) {
                answer(client, 500, "Internal Server Error", "InternalError");
                return;
            }
            boolean drop = dice < now.slowDown() + now.internalError() + now.drop();
            if (now.latencyMillis() > 0) {
                Thread.sleep(now.latencyMillis());
            }
            forward(client, in, head, drop);
        } catch (IOException e) {
            // the client or the server went away: nothing to relay any more
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void forward(Socket client, InputStream in, List<String> head, boolean drop) throws IOException {
        try (Socket server = new Socket(upstream.getHost(), upstream.getPort())) {
            OutputStream up = server.getOutputStream();
            up.write(withConnectionClose(head));
            up.flush();
            long length = requestLength(head);
            // The body may wait for the server's 100 Continue, so it is copied while the answer is relayed.
            threads.execute(() -> copy(in, up, length));
            InputStream down = server.getInputStream();
            OutputStream out = client.getOutputStream();
            List<String> answer = readHead(down);
            while (!answer.isEmpty() && answer.get(0).matches("HTTP/1\\.1 1\\d\\d.*")) {
                out.write(join(answer));
                out.flush();
                answer = readHead(down);
            }
            if (answer.isEmpty()) {
                return;
            }
            boolean noBody = head.get(0).startsWith("HEAD ") || answer.get(0).matches("HTTP/1\\.1 (204|304).*");
            long body = noBody ? 0 : contentLength(answer); // -1: until the server closes
            byte[] answerHead = withConnectionClose(answer);
            if (drop) {
                injected.incrementAndGet();
                out.write(answerHead, 0, body != 0 ? answerHead.length : answerHead.length / 2);
                copy(down, out, body < 0 ? 100 : body / 2);
                out.flush();
                client.setSoLinger(true, 0); // a reset, as a dropped connection looks
                return;
            }
            out.write(answerHead);
            copy(down, out, body);
            out.flush();
        }
    }

    private void answer(Socket client, int status, String reason, String code) throws IOException {
        injected.incrementAndGet();
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>injected"
                        + "</Message><RequestId>fault-proxy</RequestId></Error>")
                .getBytes(StandardCharsets.UTF_8);
        OutputStream out = client.getOutputStream();
        out.write(("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/xml\r\nContent-Length: "
                        + body.length + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        client.shutdownOutput();
    }

    /** The lines of a message head up to the blank line, without line ends; empty at the end of the stream. */
    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b != '\n') {
                line.write(b);
                continue;
            }
            String text = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
            line.reset();
            if (text.isEmpty()) {
                return lines;
            }
            lines.add(text);
        }
        return List.of();
    }

    /** The value of header {@code name} in a request head, or null. */
    static String header(List<String> head, String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        return head.stream()
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                .map(line -> line.substring(prefix.length()).trim())
                .findFirst()
                .orElse(null);
    }

    private static byte[] withConnectionClose(List<String> head) {
        List<String> lines = new ArrayList<>(head.stream()
                .filter(l -> !l.toLowerCase(Locale.ROOT).startsWith("connection:"))
                .toList());
        lines.add("Connection: close");
        return join(lines);
    }

    private static byte[] join(List<String> head) {
        return (String.join("\r\n", head) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The Content-Length of a message, or -1 when its body ends where the connection does (or is chunked). */
    private static long contentLength(List<String> head) {
        for (String line : head) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return -1;
    }

    /** The length of a request's body; the S3 client sends none chunked, so a chunked one is refused. */
    private static long requestLength(List<String> head) {
        if (head.stream().anyMatch(l -> l.toLowerCase(Locale.ROOT).matches("transfer-encoding:.*chunked.*"))) {
            throw new UncheckedIOException(new IOException("chunked requests are not relayed: " + head.get(0)));
        }
        return Math.max(0, contentLength(head));
    }

    /** Copies {@code length} bytes, or everything up to the end of {@code in} when {@code length} is negative. */
    private static void copy(InputStream in, OutputStream out, long length) {
        byte[] buffer = new byte[16 * 1024];
        try {
            for (long left = length < 0 ? Long.MAX_VALUE : length; left > 0; ) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    return;
                }
                out.write(buffer, 0, n);
                left -= n;
            }
            out.flush();
        } catch (SocketException e) {
            // the other side closed: the request is over
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
