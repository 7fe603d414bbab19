package dev.kiln.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the kiln command, with its exit status and both output streams. */
record KilnRun(int exit, String out, String err) {
  static KilnRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new KilnRun(exit, out.toString(), err.toString());
  }
}
