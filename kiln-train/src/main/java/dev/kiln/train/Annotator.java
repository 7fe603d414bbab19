package dev.kiln.train;

import java.util.List;

/** A component that sets its predictions on records (spaCy's {@code pipe}). */
public interface Annotator<D extends Datum> extends Component<D> {
  /** The records with this component's predictions set; the list has the input's order. */
  List<D> annotate(List<D> records);
}
