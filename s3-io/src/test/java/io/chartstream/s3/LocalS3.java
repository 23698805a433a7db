package io.chartstream.s3;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3-compatible server for tests: S3Proxy in-process on 127.0.0.1 and a random port, over
 * jclouds' in-memory {@code transient} blob store, checking AWS v2/v4 signatures against test
 * credentials (so the client's signing is exercised too).
 */
public final class LocalS3 implements AutoCloseable {
  public static final S3Settings.StaticCredentials CREDENTIALS =
      new S3Settings.StaticCredentials("chartstream-test", "chartstream-test-secret");

  private final BlobStoreContext context;
  private final S3Proxy proxy;

  private LocalS3(BlobStoreContext context, S3Proxy proxy) {
    this.context = context;
    this.proxy = proxy;
  }

  /** Starts the server and waits until Jetty is listening. */
  public static LocalS3 start() throws Exception {
    BlobStoreContext context = ContextBuilder.newBuilder("transient")
        .credentials("identity", "credential")
        .build(BlobStoreContext.class);
    S3Proxy proxy = S3Proxy.builder()
        .blobStore(context.getBlobStore())
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4,
            CREDENTIALS.accessKeyId(), CREDENTIALS.secretAccessKey())
        .build();
    proxy.start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    // start() returns before Jetty has bound the port; "STARTED" is Jetty's lifecycle state.
    while (!"STARTED".equals(proxy.getState())) {
      if (Instant.now().isAfter(deadline)) {
        proxy.stop();
        context.close();
        throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
      }
      Thread.sleep(10);
    }
    return new LocalS3(context, proxy);
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  public void createBucket(String bucket) {
    context.getBlobStore().createContainerInLocation(null, bucket);
  }

  /** Settings for {@code s3://bucket/key} on this server, with the test credentials. */
  public S3Settings settings(String bucket, String key) {
    return S3Settings.parse("s3://" + bucket + "/" + key)
        .withEndpoint(endpoint())
        .withCredentials(CREDENTIALS);
  }

  @Override
  public void close() throws Exception {
    try {
      proxy.stop();
    } finally {
      context.close();
    }
  }
}
