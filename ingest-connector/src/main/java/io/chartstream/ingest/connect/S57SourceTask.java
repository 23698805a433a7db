package io.chartstream.ingest.connect;

import io.chartstream.ingest.gdal.Gdal;
import io.chartstream.ingest.s57.CatalogEntry;
import io.chartstream.ingest.s57.CatalogReader;
import io.chartstream.ingest.s57.CellFiles;
import io.chartstream.ingest.s57.ChartContents;
import io.chartstream.ingest.s57.ChartReadException;
import io.chartstream.ingest.s57.ChartReader;
import io.chartstream.ingest.s57.EncryptedCell;
import io.chartstream.ingest.s57.FileStamp;
import io.chartstream.ingest.s57.IngestProblem;
import io.chartstream.ingest.s57.InputScan;
import io.chartstream.ingest.s57.InputScanner;
import io.chartstream.ingest.s57.InputWatch;
import io.chartstream.ingest.s57.S57FormatException;
import io.chartstream.s3.S3MirrorException;
import io.chartstream.s3.S3PrefixMirror;
import io.chartstream.s3.S3PrefixMirror.MirrorSync;
import io.chartstream.s3.S3PrefixMirror.ObjectFailure;
import io.chartstream.schema.registry.RestSchemaRegistryClient;
import io.chartstream.schema.registry.SchemaRegistryClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.source.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the charts this task owns and hands their records to Connect.
 *
 * <p>Each scan of the input plans, in this order: the catalogues of new exchange sets (so
 * catalogue entries come before any cell), dead letters for files that cannot be ingested as
 * they are, then every chart whose files changed since the version recorded as done. Charts are
 * read one at a time when their turn comes, so memory holds one chart version at most. A file
 * that fails gives one {@code IngestError} and the task goes on with the next.
 *
 * <p>A local input directory is watched ({@link InputWatch}): a change starts a scan at once, and
 * a file left out as not settled yet is scanned for again the moment it settles. The periodic
 * scan every {@code scan.interval.ms} stays as the fallback for lost events and for a directory
 * that cannot be watched.
 *
 * <p>An {@code s3://} input is mirrored into a local directory ({@link S3PrefixMirror}) before
 * each scan, and that directory is scanned as any other: new objects are picked up at the next
 * scan, and an object that cannot be downloaded is one {@code download_failed} error naming its
 * key.
 */
public final class S57SourceTask extends SourceTask {
  private static final Logger LOGGER = LoggerFactory.getLogger(S57SourceTask.class);
  /** Longest one poll waits for work before returning null, so Connect can stop the task promptly. */
  private static final long MAX_POLL_WAIT_MILLIS = 250;

  private S57SourceConnectorConfig config;
  private InputScanner scanner;
  /** The local copy of an s3:// input, synced before each scan; null for a directory. */
  private S3PrefixMirror mirror;
  private SchemaRegistryClient registry;
  private RecordEncoder encoder;
  private OffsetLedger ledger;
  /** Units planned by the last scan, read lazily in order. */
  private final Deque<Supplier<WorkUnit>> planned = new ArrayDeque<>();
  /** Records of the unit being handed over, possibly over several polls. */
  private final Deque<SourceRecord> ready = new ArrayDeque<>();
  /** Last records of units, to close a transaction on when the worker runs exactly-once. */
  private final List<SourceRecord> unitEnds = new ArrayList<>();
  /** Last records of units handed to Connect, and their unit, until Kafka acknowledges them. */
  private final Map<SourceRecord, WorkUnit> unacknowledged = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
  /** Units acknowledged since Connect last stored its offsets; null unless configured. */
  private AckedUnits acked;
  /** CRCS from the catalogues, by absolute cell path. */
  private final Map<Path, CatalogEntry> catalogued = new HashMap<>();
  /** The folder of the catalogue listing each catalogued cell, by absolute cell path. */
  private final Map<Path, Path> catalogFolders = new HashMap<>();
  /**
   * Changes under a local input directory, so a scan follows a copied file at once; null for an
   * s3:// input or where the directory cannot be watched, which then is scanned periodically only.
   */
  private InputWatch watch;
  /** When the next scan is due without any change reported: the periodic fallback, or when a file settles. */
  private long nextScanMillis;
  private ScanPacing pacing;

  @Override
  public String version() {
    return new S57SourceConnector().version();
  }

  @Override
  public void start(Map<String, String> props) {
    config = new S57SourceConnectorConfig(props);
    LOGGER.info("S-57 ingest task {}/{} on {} with {}", config.taskIndex + 1, config.taskCount, config.input, Gdal.version());
    if (config.s3Input.isPresent()) {
      mirror = S3PrefixMirror.open(config.s3Input.get(), config.input);
      LOGGER.info("Input {} is mirrored into {}", mirror.location(), config.input);
    }
    scanner = new InputScanner(config.input, config.settleMillis, config.completeSettleMillis);
    pacing = new ScanPacing(config.scanIntervalMillis);
    // The mirror of an s3:// input changes only when this task syncs it, before each scan:
    // watching it would only echo the task's own downloads.
    watch = mirror == null ? InputWatch.open(config.input).orElse(null) : null;
    registry = RestSchemaRegistryClient.fromUrl(config.schemaRegistryUrl);
    encoder = new RecordEncoder(registry, config);
    acked = config.ackedDir.map(dir -> AckedUnits.open(dir, config.taskIndex)).orElse(null);
    ledger = new OffsetLedger(context == null ? null : context.offsetStorageReader(), acked);
  }

  @Override
  public List<SourceRecord> poll() throws InterruptedException {
    if (ready.isEmpty()) {
      if (planned.isEmpty()) {
        long wait = nextScanMillis - System.currentTimeMillis();
        if (wait > 0) {
          if (awaitChange(Math.min(wait, MAX_POLL_WAIT_MILLIS))) {
            nextScanMillis = Math.min(nextScanMillis, pacing.earliestForChange(System.currentTimeMillis()));
          }
          if (System.currentTimeMillis() < nextScanMillis) {
            return null;
          }
        }
        plan();
      }
      WorkUnit unit = nextUnit();
      if (unit == null) {
        return null;
      }
      ready.addAll(unit.records());
      unitEnds.add(unit.last());
      if (acked != null) {
        unacknowledged.put(unit.last(), unit);
      }
      ledger.markDone(unit.partition(), unit.doneValue());
    }
    List<SourceRecord> batch = new ArrayList<>(Math.min(ready.size(), config.batchMaxRecords));
    while (!ready.isEmpty() && batch.size() < config.batchMaxRecords) {
      SourceRecord record = ready.poll();
      batch.add(record);
      closeTransactionAt(record);
    }
    return batch;
  }

  /** The next planned unit that yields records, or null when none is left. */
  private WorkUnit nextUnit() {
    while (!planned.isEmpty()) {
      WorkUnit unit = planned.poll().get();
      if (unit != null) {
        return unit;
      }
    }
    return null;
  }

  /** One chart version, one catalogue, one dead letter: each its own transaction under exactly-once. */
  private void closeTransactionAt(SourceRecord record) {
    TransactionContext transactions = context == null ? null : context.transactionContext();
    if (unitEnds.remove(record) && transactions != null) {
      transactions.commitTransaction(record);
    }
  }

  /**
   * Waits up to {@code maxMillis} for the watch to report a change in the input (a plain sleep
   * without a watch), so the caller returns to Connect regularly and can be stopped promptly.
   *
   * @return whether the input changed, so it should be scanned now
   */
  private boolean awaitChange(long maxMillis) throws InterruptedException {
    if (watch == null) {
      Thread.sleep(maxMillis);
      return false;
    }
    return watch.awaitChange(maxMillis);
  }

  private void plan() {
    nextScanMillis = System.currentTimeMillis() + config.scanIntervalMillis;
    if (mirror != null) {
      syncMirror();
    }
    InputScan scan;
    long started = System.currentTimeMillis();
    try {
      scan = scanner.scan();
    } catch (RuntimeException e) {
      LOGGER.warn("Cannot scan the input {}: {}; trying again in {} ms", config.input, e.getMessage(), config.scanIntervalMillis);
      return;
    }
    pacing.scanned(started, System.currentTimeMillis());
    nextScanMillis = pacing.nextIdleScan();
    // A file left out only because it was modified a moment ago is taken the moment it settles,
    // not up to a whole interval later (but no sooner than the last scan's cost allows).
    scan.nextSettledAt().ifPresent(at -> nextScanMillis = Math.min(nextScanMillis, pacing.earliestForChange(at)));
    for (Path catalog : scan.catalogs()) {
      planCatalog(catalog);
    }
    for (IngestProblem problem : scan.problems()) {
      if (config.owns(problem.file())) {
        planned.add(() -> report(problem));
      }
    }
    for (CellFiles cell : scan.cells()) {
      Map<String, String> partition = Map.of("chart", cell.chartId());
      if (config.owns(cell.chartId()) && !ledger.isDone(partition, cell.fingerprint())) {
        planned.add(() -> readChart(cell, partition));
      }
    }
  }

  /**
   * Downloads what is new under the S3 prefix. When the prefix cannot even be listed, the copy
   * from the last sync is scanned and the listing is tried again next scan.
   */
  private void syncMirror() {
    try {
      MirrorSync sync = mirror.sync();
      if (!sync.downloaded().isEmpty() || !sync.removed().isEmpty()) {
        LOGGER.info("{}: {} objects, {} downloaded, {} removed locally", mirror.location(), sync.listed(),
            sync.downloaded().size(), sync.removed().size());
      }
      for (ObjectFailure failure : sync.failures()) {
        String file = failure.key().substring(config.s3Input.get().key().length()).replaceFirst("^/", "");
        IngestProblem problem = new IngestProblem(file, null, "download", failure.outside() ? "outside_input" : "download_failed",
            "s3://" + config.s3Input.get().bucket() + "/" + failure.key() + ": " + failure.reason());
        if (config.owns(problem.file())) {
          planned.add(() -> report(problem));
        }
      }
    } catch (S3MirrorException e) {
      LOGGER.warn("{}; trying again in {} ms", e.getMessage(), config.scanIntervalMillis);
    }
  }

  private void planCatalog(Path catalog) {
    String path = FileStamp.relative(config.input, catalog);
    Map<String, String> partition = Map.of("catalog", path);
    String stamp;
    try {
      stamp = FileStamp.of(config.input, catalog).toString();
    } catch (IOException e) {
      return; // vanished since the scan
    }
    if (ledger.isDone(partition, stamp)) {
      rememberCatalogued(catalog, path);
      return;
    }
    planned.add(() -> {
      try {
        List<CatalogEntry> entries = CatalogReader.read(catalog);
        entries.forEach(e -> remember(catalog, e));
        String previous = ledger.done(partition);
        return CatalogRecords.of(path, stamp, entries,
                chartId -> config.owns(chartId) && ledger.done(Map.of("chart", chartId)).isEmpty(), encoder, previous)
            .orElseGet(() -> {
              ledger.markDone(partition, stamp);
              return null;
            });
      } catch (S57FormatException e) {
        ledger.markDone(partition, stamp);
        return config.owns(path)
            ? report(new IngestProblem(path, null, "catalog", e.code(), e.getMessage() + "; its cells are still ingested as loose cells"))
            : null;
      }
    });
  }

  private void remember(Path catalog, CatalogEntry entry) {
    Path cell = CatalogRecords.resolve(catalog, entry);
    catalogued.put(cell, entry);
    catalogFolders.put(cell, catalog.getParent());
  }

  private void rememberCatalogued(Path catalog, String path) {
    try {
      CatalogReader.read(catalog).forEach(e -> remember(catalog, e));
    } catch (S57FormatException e) {
      LOGGER.debug("Catalogue {} was reported unreadable before", path);
    }
  }

  private WorkUnit readChart(CellFiles cell, Map<String, String> partition) {
    Optional<Path> outside = outsideOfInput(cell);
    if (outside.isPresent()) {
      // The scan refused links leading out; this one was changed since. Read nothing of it.
      ledger.markDone(partition, cell.fingerprint());
      return report(new IngestProblem(FileStamp.relative(config.input, outside.get()), cell.chartId(), "discover", "outside_input",
          "the file now leads outside the input " + config.input + ": refused, nothing of it is read"));
    }
    CatalogEntry listed = catalogued.get(cell.base().toAbsolutePath().normalize());
    if (listed != null && !crcMatches(cell.base(), listed.crcValue())) {
      ledger.markDone(partition, cell.fingerprint());
      return report(new IngestProblem(cell.basePath(), cell.chartId(), "catalog", "crc_mismatch",
          "the file's CRC-32 differs from CRCS " + listed.crc() + " in CATALOG.031: the file is damaged or not the one catalogued"));
    }
    try {
      long start = System.nanoTime();
      ChartContents chart = ChartReader.read(cell);
      chart.problems().forEach(p -> planned.addFirst(() -> report(p)));
      WorkUnit unit = ChartVersionRecords.of(chart, listed == null ? null : listed.crc(), encoder, partition, ledger.done(partition),
          config.recordMaxBytes, p -> planned.addFirst(() -> report(p)));
      LOGGER.info("Read {} ({} with {} updates): {} features in {} ms", cell.chartId(), cell.basePath(),
          cell.updates().size(), chart.features().size(), (System.nanoTime() - start) / 1_000_000);
      return unit;
    } catch (ChartReadException e) {
      ledger.markDone(partition, cell.fingerprint());
      IngestProblem p = e.problem();
      Optional<String> encrypted = listed != null && p.stage().equals("open")
          ? EncryptedCell.reason(cell.base(), catalogFolders.get(cell.base().toAbsolutePath().normalize())) : Optional.empty();
      if (encrypted.isPresent()) {
        return report(new IngestProblem(p.file(), cell.chartId(), "open", "encrypted_cell", encrypted.get()));
      }
      return report(new IngestProblem(p.file(), cell.chartId(), p.stage(), p.code(), p.reason()));
    } catch (RuntimeException e) {
      // A bug or a surprise in one cell must not stop the delivery: report it and go on.
      LOGGER.error("Unexpected failure reading {}", cell.basePath(), e);
      ledger.markDone(partition, cell.fingerprint());
      return report(new IngestProblem(cell.basePath(), cell.chartId(), "read", "unexpected_failure", e.toString()));
    }
  }

  /** The first file of the chain whose real path is outside the input, if any (a link changed since the scan). */
  private Optional<Path> outsideOfInput(CellFiles cell) {
    List<Path> files = new ArrayList<>(cell.updates());
    files.addFirst(cell.base());
    try {
      Path root = config.input.toRealPath();
      for (Path file : files) {
        if (!file.toRealPath().startsWith(root)) {
          return Optional.of(file);
        }
      }
    } catch (IOException e) {
      // Vanished or unreadable: the read itself reports it.
    }
    return Optional.empty();
  }

  private static boolean crcMatches(Path file, OptionalLong expected) {
    if (expected.isEmpty()) {
      return true;
    }
    try {
      CRC32 crc = new CRC32();
      crc.update(Files.readAllBytes(file));
      return crc.getValue() == expected.getAsLong();
    } catch (IOException e) {
      return true; // unreadable: the read itself reports it with GDAL's reason
    }
  }

  /** A dead letter, unless this very problem with this very file was reported before. */
  private WorkUnit report(IngestProblem problem) {
    String stamp;
    try {
      stamp = FileStamp.of(config.input, config.input.resolve(problem.file())).toString();
    } catch (IOException e) {
      stamp = "gone";
    }
    if (ledger.isDone(IngestErrorRecords.partition(problem), IngestErrorRecords.doneValue(problem, stamp))) {
      return null;
    }
    return IngestErrorRecords.of(problem, config.input, stamp, encoder);
  }

  /** Kafka acknowledged {@code record}: when it ends a unit, that unit is written down as done at once. */
  @Override
  public void commitRecord(SourceRecord record, org.apache.kafka.clients.producer.RecordMetadata metadata) {
    WorkUnit unit = unacknowledged.remove(record);
    if (unit != null && metadata != null && acked != null) {
      acked.record(unit.partition(), unit.doneValue());
    }
  }

  @Override
  public void stop() {
    if (watch != null) {
      watch.close();
    }
    if (mirror != null) {
      mirror.close();
    }
    if (acked != null) {
      acked.close();
    }
    if (registry != null) {
      try {
        registry.close();
      } catch (Exception e) {
        LOGGER.debug("Closing the registry client", e);
      }
    }
  }
}
