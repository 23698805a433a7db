package io.chartstream.app.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The stages {@code run} started, asked each time round its loop whether they still work: a stage
 * that died (the sink's thread ended, the topology's client is in ERROR, a connector task FAILED)
 * is named with its reason, so {@code run} says which and why and exits instead of waiting for
 * ever on progress that cannot come.
 */
public final class StageSupervisor {
  private final Map<String, Supplier<Optional<String>>> stages = new LinkedHashMap<>();

  /** Watches {@code stage}: {@code failure} says why it stopped, or is empty while it works. */
  public StageSupervisor watch(String stage, Supplier<Optional<String>> failure) {
    stages.put(stage, failure);
    return this;
  }

  /** The first stage that stopped, as "the STAGE stopped: REASON". */
  public Optional<String> firstFailure() {
    for (var stage : stages.entrySet()) {
      Optional<String> failure;
      try {
        failure = stage.getValue().get();
      } catch (RuntimeException e) {
        failure = Optional.of("its state cannot be read (" + e + ")");
      }
      if (failure.isPresent()) {
        return Optional.of("the " + stage.getKey() + " stopped: " + failure.get());
      }
    }
    return Optional.empty();
  }

  /** The first line of a stack trace, or of any text. */
  public static String firstLine(String text) {
    if (text == null) {
      return "no reason given";
    }
    int end = text.indexOf('\n');
    return (end < 0 ? text : text.substring(0, end)).strip();
  }

  /** An exception and its innermost cause, in one line. */
  public static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? e.toString() : e + " (caused by " + root + ")";
  }
}
