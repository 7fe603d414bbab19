package dev.kiln.train.log;

import dev.kiln.train.StepInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Several loggers as one; each one's saved state is kept under its position. */
public final class ChainLogger implements TrainLogger {
  private final List<TrainLogger> loggers;

  public ChainLogger(List<TrainLogger> loggers) {
    this.loggers = List.copyOf(loggers);
  }

  @Override
  public Session start(LogContext context) {
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < loggers.size(); i++) {
      Object saved = context.resumedState().get(Integer.toString(i));
      @SuppressWarnings("unchecked")
      Map<String, Object> own = saved instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
      sessions.add(loggers.get(i).start(new LogContext(context.components(), context.scoreWeights(),
          context.evalFrequency(), context.out(), context.err(), context.outputDirectory(), own,
          context.interactive())));
    }
    return new Session() {
      @Override
      public void logStep(StepInfo info, boolean evaluated) {
        for (Session session : sessions) {
          session.logStep(info, evaluated);
        }
      }

      @Override
      public Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        for (int i = 0; i < sessions.size(); i++) {
          state.put(Integer.toString(i), sessions.get(i).state());
        }
        return state;
      }

      @Override
      public void close() {
        RuntimeException first = null;
        for (Session session : sessions) {
          try {
            session.close();
          } catch (RuntimeException e) {
            first = first == null ? e : first;
          }
        }
        if (first != null) {
          throw first;
        }
      }
    };
  }
}
