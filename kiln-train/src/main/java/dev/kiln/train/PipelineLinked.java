package dev.kiln.train;

import java.util.List;

/**
 * A component capability: it connects to other components of its pipeline once the pipeline is
 * assembled, as spaCy's {@code Language} links tok2vec listeners to the tok2vec they listen to.
 * Every pipeline, built from a config or loaded from disk, links its components on construction.
 */
public interface PipelineLinked<D extends Datum> extends Component<D> {
  /** Connects this component to the ones it needs in {@code pipeline} (which includes itself). */
  void link(List<Component<D>> pipeline);

  /**
   * The components whose output this one's model takes while it trains (the tok2vec components
   * its listeners are linked to): each must be updated, or set its annotations, in every step.
   */
  default List<String> listensTo() {
    return List.of();
  }
}
