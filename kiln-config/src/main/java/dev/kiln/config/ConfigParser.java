package dev.kiln.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the section tree from config text: {@code [a.b]} nests {@code b} in {@code a} whatever
 * order the sections are written in, and {@code [x.*.name]} adds a positional argument.
 *
 * <p>Sections are built parents first (Thinc sorts them by depth), so a section's own keys come
 * before its subsections, and sections of one depth keep the order they were written in.
 */
final class ConfigParser {
  private ConfigParser() {}

  private record Group(ConfigLine.Header header, List<String> parts, List<ConfigLine.Assignment> assignments) {}

  /**
   * Parses {@code text}; values are JSON, strings or {@link Template}s.
   *
   * @param source the file name used in messages
   * @throws KilnException E001–E008 and E027, naming the file and line
   */
  static ParsedConfig parse(String text, String source) {
    List<Group> groups = group(ConfigLexer.lines(text, source), source);
    groups.sort(Comparator.comparingInt(g -> g.parts().size()));
    Section root = new Section(0);
    Map<List<String>, String> rawTexts = new HashMap<>();
    for (Group group : groups) {
      Section section = place(root, group, source);
      for (ConfigLine.Assignment a : group.assignments()) {
        Object value = valueOf(a, source);
        section.put(a.key(), value, a.line());
        if (value != null && !(value instanceof String) && !(value instanceof Template)) {
          List<String> path = new ArrayList<>(group.parts());
          path.add(a.key());
          rawTexts.put(List.copyOf(path), a.raw());
        }
      }
    }
    return new ParsedConfig(root, rawTexts);
  }

  private static List<Group> group(List<ConfigLine> lines, String source) {
    Map<String, Group> groups = new LinkedHashMap<>();
    Map<String, Integer> keyLines = new HashMap<>();
    Group current = null;
    for (ConfigLine line : lines) {
      if (line instanceof ConfigLine.Header h) {
        Group first = groups.get(h.name());
        if (first != null) {
          throw new KilnException(ErrorCode.E004, source, h.line(), h.name(), first.header().line());
        }
        current = new Group(h, partsOf(h, source), new ArrayList<>());
        groups.put(h.name(), current);
      } else if (line instanceof ConfigLine.Assignment a && current != null) {
        String id = current.header().name() + "\u0000" + a.key();
        Integer firstLine = keyLines.putIfAbsent(id, a.line());
        if (firstLine != null) {
          throw new KilnException(
              ErrorCode.E003, source, a.line(), a.key(), current.header().name(), firstLine);
        }
        current.assignments().add(a);
      }
    }
    return new ArrayList<>(groups.values());
  }

  private static List<String> partsOf(ConfigLine.Header header, String source) {
    String name = header.name();
    if (name.equals("DEFAULT")) {
      throw invalidName(header, source, "DEFAULT is reserved by Thinc's reader");
    }
    List<String> parts = Arrays.asList(name.split("\\.", -1));
    for (String part : parts) {
      if (part.isEmpty()) {
        throw invalidName(header, source, "a name between dots is empty");
      }
      if (!SectionNames.isValidPart(part)) {
        throw invalidName(header, source, "it contains a space or \"[\"");
      }
    }
    return List.copyOf(parts);
  }

  private static KilnException invalidName(ConfigLine.Header header, String source, String why) {
    return new KilnException(ErrorCode.E007, source, header.line(), header.name(), why);
  }

  /** Finds or creates the section of {@code group}; its parents must exist, except {@code *}. */
  private static Section place(Section root, Group group, String source) {
    List<String> parts = group.parts();
    int line = group.header().line();
    Section node = root;
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      boolean last = i == parts.size() - 1;
      if (!node.has(part)) {
        if (!last && !part.equals(Section.POSITIONAL)) {
          String parent = String.join(".", parts.subList(0, i + 1));
          throw new KilnException(ErrorCode.E008, source, line, group.header().name(), parent);
        }
        node.put(part, new Section(line), line);
      }
      if (!(node.get(part) instanceof Section child)) {
        String owner = i == 0 ? "(top level)" : String.join(".", parts.subList(0, i));
        throw new KilnException(
            ErrorCode.E006, source, line, group.header().name(), part, owner, node.lineOf(part));
      }
      node = child;
    }
    return node;
  }

  private static Object valueOf(ConfigLine.Assignment a, String source) {
    try {
      return ValueParser.parse(a.raw());
    } catch (JsonReader.BadReference e) {
      throw new KilnException(ErrorCode.E027, source, a.line(), e.reference, e.getMessage());
    }
  }
}
