package dev.kiln.text;

import dev.kiln.train.Example;
import java.util.List;

/**
 * One document of a corpus as {@code kiln debug data} sees it: the example training would get,
 * and the entity spans exactly as the data writes them (they may overlap or cut through tokens,
 * which the example itself cannot show).
 *
 * @param example the predicted and reference documents
 * @param writtenEntities the entity spans as written, in the data's order (as UTF-16 indices, like every
 *     {@link CharSpan}; {@link CharSpan#inCodePoints} gives the offsets the file has)
 * @param number where the document is in its file: the line for JSONL, else its position from 1
 */
public record InspectedDoc(Example<Doc> example, List<CharSpan> writtenEntities, int number) {
  /** A document of a corpus that reads entities as tags, so that what is written is what the example holds. */
  public static InspectedDoc of(Example<Doc> example, int number) {
    return new InspectedDoc(example, example.reference().entities().stream().map(Span::charSpan).toList(), number);
  }
}
