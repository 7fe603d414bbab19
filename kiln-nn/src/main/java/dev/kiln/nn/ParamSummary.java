package dev.kiln.nn;

import java.util.Locale;

/** Formats a parameter count and byte size for people: {@code 269,322 ~ 1.0 MiB}. */
public final class ParamSummary {
  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

  private ParamSummary() {}

  /** "Total number of trainable weights: {count} {size}." */
  public static String describe(long count, long bytes) {
    return String.format(Locale.ROOT, "Total number of trainable weights: %,d %s.", count,
        humanBytes(bytes));
  }

  /** "= 512 B" below a KiB, else the size rounded down to one decimal: "~ 1.0 MiB". */
  public static String humanBytes(long bytes) {
    if (bytes < 1024) {
      return "= " + bytes + " B";
    }
    int unit = Math.min(UNITS.length - 1, (63 - Long.numberOfLeadingZeros(bytes)) / 10);
    double scaled = Math.floor(bytes / Math.pow(1024, unit) * 10) / 10.0;
    return String.format(Locale.ROOT, "~ %.1f %s", scaled, UNITS[unit]);
  }
}
