package dev.kiln.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Ctrl-C during training: the first sets a flag the trainer checks after each batch (it then
 * saves and stops); the second halts the JVM at once. Halting never leaves a half-written model:
 * every save is an atomic directory commit.
 */
final class Interrupts {
  private Interrupts() {}

  static void onFirstCtrlC(AtomicBoolean flag) {
    try {
      Signal.handle(new Signal("INT"), signal -> {
        if (flag.getAndSet(true)) {
          Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
        }
        System.err.println("\nStopping after this batch and saving model-last (Ctrl-C again to quit now).");
      });
    } catch (IllegalArgumentException unsupported) {
      // No SIGINT on this platform: the default handling (exit) applies.
    }
  }
}
