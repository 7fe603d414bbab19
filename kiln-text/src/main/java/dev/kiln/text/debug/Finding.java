package dev.kiln.text.debug;

/**
 * One problem found in one document, for the {@code --verbose} listing.
 *
 * @param number the document's line (JSONL) or position (other formats)
 * @param detail what is wrong, e.g. {@code [0, 3, ORG] "Acm"}
 */
record Finding(int number, String detail) {
  @Override
  public String toString() {
    return "doc " + number + ": " + detail;
  }
}
