package dev.kiln.train;

/** A hook's answer after an event: carry on, or stop with a reason. */
public record StopDecision(boolean stop, String reason) {
  public static final StopDecision CONTINUE = new StopDecision(false, "");

  public static StopDecision stop(String reason) {
    return new StopDecision(true, reason);
  }
}
