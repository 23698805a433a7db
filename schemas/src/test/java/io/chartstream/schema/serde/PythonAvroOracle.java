package io.chartstream.schema.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * An independent decoder of the Confluent wire format: Debian's {@code python3-avro}, fetching the
 * writer schema from the registry the way Confluent's clients do ({@code GET /schemas/ids/{id}}).
 * Nothing of ours is on its path, so a bug shared by our serializer and deserializer shows up here.
 */
final class PythonAvroOracle {
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCRIPT = """
      import io, json, struct, sys, urllib.request
      import avro.io, avro.schema
      payload = bytes.fromhex(sys.stdin.read().strip())
      magic, schema_id = struct.unpack('>bI', payload[:5])
      if magic != 0:
          sys.exit('magic byte %d' % magic)
      with urllib.request.urlopen('%s/schemas/ids/%d' % (sys.argv[1], schema_id)) as answer:
          schema = avro.schema.parse(json.load(answer)['schema'])
      decoder = avro.io.BinaryDecoder(io.BytesIO(payload[5:]))
      datum = avro.io.DatumReader(schema).read(decoder)
      sys.stdout.write(json.dumps({'id': schema_id, 'datum': datum}, ensure_ascii=False,
                                  default=lambda o: o.hex() if isinstance(o, bytes) else str(o)))
      """;

  private PythonAvroOracle() {}

  /** Whether Debian's python3 with the {@code avro} package is installed. */
  static boolean available() {
    if (!Files.isExecutable(PYTHON)) {
      return false;
    }
    try {
      Process process = new ProcessBuilder(PYTHON.toString(), "-c", "import avro.io, avro.schema")
          .redirectErrorStream(true).start();
      process.getInputStream().transferTo(OutputStream.nullOutputStream());
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** {@code {"id": <schema id>, "datum": <the datum as Python's avro reads it>}}. */
  static JsonNode decode(String registryUrl, byte[] payload) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(PYTHON.toString(), "-c", SCRIPT, registryUrl);
    builder.environment().put("PYTHONIOENCODING", "utf-8");
    Process process = builder.start();
    try (var stdin = process.getOutputStream()) {
      stdin.write(HexFormat.of().formatHex(payload).getBytes(StandardCharsets.US_ASCII));
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("python3-avro failed: " + err);
    }
    return JSON.readTree(out);
  }
}
