package io.chartstream.s3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Keeps a local directory a copy of the objects under an S3 prefix, so that code that reads files
 * (GDAL needs a local file) can read a bucket as it reads a directory. Each {@link #sync()} lists
 * the prefix, downloads objects that are new or changed and removes local files whose object is
 * gone. An object's key below the prefix is its path below the directory.
 *
 * <p>An object counts as unchanged when its ETag and size match the last download; after a
 * restart, when the local file has the object's size and its modification time is the object's
 * {@code LastModified} (set on every download), so a restart does not download everything again
 * and files keep the stamp the ingest's offsets were recorded with. Downloads go to a hidden
 * {@code .NAME.part} file beside the target and are moved into place, so a reader never sees a
 * half-written file (the input scanner skips hidden files).
 *
 * <p>One object that cannot be downloaded or placed is one {@link ObjectFailure} naming its key,
 * and the others go on; a listing that fails throws {@link S3MirrorException}. Not thread-safe:
 * one mirror per directory, synced by one thread.
 */
public final class S3PrefixMirror implements AutoCloseable {
  private final S3Settings source;
  private final String prefix;
  private final Path root;
  private final S3Client client;
  /** ETag and size of each object as last downloaded or adopted, by key. */
  private final Map<String, ObjectVersion> local = new HashMap<>();

  /**
   * @param source bucket and prefix ({@link S3Settings#key()}; a trailing {@code /} is implied)
   * @param root the local directory, created if missing; owned by this mirror
   * @param client closed by {@link #close()}
   */
  public S3PrefixMirror(S3Settings source, Path root, S3Client client) {
    this.source = Objects.requireNonNull(source, "source");
    this.prefix = source.key().isEmpty() || source.key().endsWith("/") ? source.key() : source.key() + "/";
    this.root = root.toAbsolutePath().normalize();
    this.client = Objects.requireNonNull(client, "client");
  }

  /** A mirror with a client from {@link S3ClientFactory}. */
  public static S3PrefixMirror open(S3Settings source, Path root) {
    return new S3PrefixMirror(source, root, S3ClientFactory.create(source));
  }

  /** The local directory. */
  public Path root() {
    return root;
  }

  /** The mirrored location, {@code s3://bucket/prefix/}, for messages. */
  public String location() {
    return "s3://" + source.bucket() + "/" + prefix;
  }

  /**
   * Brings the directory up to date with the prefix.
   *
   * @throws S3MirrorException if the prefix cannot be listed (nothing local is changed then)
   */
  public MirrorSync sync() {
    List<S3Object> objects = list();
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new S3MirrorException(location(), "cannot create the local mirror " + root + ": " + e, e);
    }
    List<String> downloaded = new ArrayList<>();
    List<ObjectFailure> failures = new ArrayList<>();
    Map<Path, String> wanted = new HashMap<>();
    for (S3Object object : objects) {
      String relative = object.key().substring(prefix.length());
      if (relative.isEmpty() || relative.endsWith("/")) {
        continue; // a "directory" marker some tools create
      }
      Path target = root.resolve(relative).normalize();
      if (!target.startsWith(root) || target.equals(root) || relative.startsWith("/")) {
        failures.add(new ObjectFailure(object.key(), true,
            "the key leads outside the prefix ('..' or '/' segments): refused, not downloaded"));
        continue;
      }
      wanted.put(target, object.key());
      ObjectVersion version = new ObjectVersion(object.eTag(), object.size());
      if (version.equals(local.get(object.key())) || adoptable(target, object)) {
        local.put(object.key(), version);
        continue;
      }
      try {
        download(object, target);
        local.put(object.key(), version);
        downloaded.add(object.key());
      } catch (S3Exception e) {
        failures.add(new ObjectFailure(object.key(), false, S3Errors.reason(e)));
      } catch (SdkException | IOException e) {
        failures.add(new ObjectFailure(object.key(), false, e.toString()));
      }
    }
    List<String> removed = removeUnlisted(wanted);
    return new MirrorSync(objects.size(), downloaded, removed, failures);
  }

  private List<S3Object> list() {
    ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(source.bucket()).prefix(prefix).build();
    try {
      List<S3Object> objects = new ArrayList<>();
      client.listObjectsV2Paginator(request).contents().forEach(objects::add);
      return objects;
    } catch (S3Exception e) {
      throw new S3MirrorException(location(), S3Errors.reason(e), e);
    } catch (SdkException e) {
      throw new S3MirrorException(location(), e.getMessage(), e);
    }
  }

  /** A file left by an earlier run with the object's size and LastModified: already this object. */
  private static boolean adoptable(Path target, S3Object object) {
    try {
      return Files.isRegularFile(target) && Files.size(target) == object.size()
          && Files.getLastModifiedTime(target).toInstant().equals(object.lastModified());
    } catch (IOException e) {
      return false;
    }
  }

  private void download(S3Object object, Path target) throws IOException {
    Path dir = target.getParent();
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new FileAlreadyExistsException(dir.toString(), null, "another object's file is where this key needs a directory");
    }
    Files.createDirectories(dir);
    Path part = dir.resolve("." + target.getFileName() + ".part");
    try (InputStream in = client.getObject(GetObjectRequest.builder().bucket(source.bucket()).key(object.key()).build())) {
      Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
      Files.setLastModifiedTime(part, FileTime.from(object.lastModified()));
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(part);
    }
  }

  /** Deletes local files whose object is gone (or was never there); the keys they had. */
  private List<String> removeUnlisted(Map<Path, String> wanted) {
    List<String> removed = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (!wanted.containsKey(file) && !file.getFileName().toString().endsWith(".part")) {
          Files.deleteIfExists(file);
          String key = prefix + root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
          local.remove(key);
          removed.add(key);
        }
      }
    } catch (IOException e) {
      // Stale files only cost a read of a chart that is no longer offered; the next sync tries again.
      return removed;
    }
    return removed;
  }

  @Override
  public void close() {
    client.close();
  }

  /** What one object was when it was last downloaded. */
  private record ObjectVersion(String eTag, Long size) {}

  /**
   * An object that could not be mirrored.
   *
   * @param key its full key in the bucket
   * @param outside the key would be placed outside the local directory, so it was refused unread
   * @param reason why, in S3's or the file system's words
   */
  public record ObjectFailure(String key, boolean outside, String reason) {}

  /**
   * The outcome of one {@link #sync()}.
   *
   * @param listed how many objects the prefix held
   * @param downloaded the keys downloaded now (new or changed)
   * @param removed the keys whose local copies were removed
   * @param failures the objects that could not be mirrored
   */
  public record MirrorSync(int listed, List<String> downloaded, List<String> removed, List<ObjectFailure> failures) {
    public MirrorSync {
      downloaded = List.copyOf(downloaded);
      removed = List.copyOf(removed);
      failures = List.copyOf(failures);
    }
  }
}
