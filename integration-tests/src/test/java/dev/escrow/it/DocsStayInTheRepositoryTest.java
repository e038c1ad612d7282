package dev.escrow.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README.md, CHANGELOG.md and docs/ refer to nothing a clone does not have: no path out of the
 * repository ({@code ../shared/...}), no link to a missing file, no Markdown file named that the
 * repository does not hold (the design notes the project started from are not part of it). Runs in
 * the test phase, without a server.
 */
class DocsStayInTheRepositoryTest {

  /** A relative path that climbs: ../x, ../../x, docs/../../x (not the ellipsis in ".../x"). */
  private static final Pattern CLIMBING =
      Pattern.compile("(?<![\\w.-])(?:[\\w-][\\w.-]*/)*(?:\\.\\./)+[\\w./-]*");

  /** A Markdown file's name or path, as text or in backquotes. */
  private static final Pattern MARKDOWN_NAME = Pattern.compile("[\\w./-]*[\\w-]+\\.md\\b");

  /** The target of a Markdown link or image: ](target) */
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  private static final List<String> OUTSIDE = List.of("/work/", "../shared");

  @Test
  void readmeAndDocsReferOnlyToFilesOfTheRepository() throws IOException {
    Path root = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    List<Path> files =
        new ArrayList<>(List.of(root.resolve("README.md"), root.resolve("CHANGELOG.md")));
    try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    assertTrue(files.size() > 5, "found only " + files + " under " + root);

    List<String> problems = new ArrayList<>();
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        String where = root.relativize(file) + ":" + (i + 1) + ": ";
        for (String outside : OUTSIDE) {
          if (line.contains(outside)) {
            problems.add(where + "refers outside the repository (" + outside + "): " + line);
          }
        }
        Matcher climbing = CLIMBING.matcher(line);
        while (climbing.find()) {
          Path target = file.getParent().resolve(climbing.group()).normalize();
          if (!target.startsWith(root) || !Files.exists(target)) {
            problems.add(where + "no such file in the repository: " + climbing.group());
          }
        }
        Matcher link = LINK.matcher(line);
        while (link.find()) {
          String target = link.group(1).replaceAll("#.*", "");
          if (target.isEmpty() || target.matches("^[a-z]+:.*")) {
            continue; // an anchor in the page, or a URL
          }
          Path resolved = file.getParent().resolve(target).normalize();
          if (!resolved.startsWith(root) || !Files.exists(resolved)) {
            problems.add(where + "link to a missing file: " + link.group(1));
          }
        }
        Matcher name = MARKDOWN_NAME.matcher(line);
        while (name.find()) {
          String named = name.group();
          if (named.matches("(?:.*/)?target/.*")) {
            continue; // written by a build
          }
          if (!exists(root, file, named)) {
            problems.add(where + "names a Markdown file the repository does not have: " + named);
          }
        }
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  /** A name is found beside the file that names it, at the root, or in docs/. */
  private static boolean exists(Path root, Path file, String named) {
    for (Path base : List.of(file.getParent(), root, root.resolve("docs"))) {
      Path candidate = base.resolve(named).normalize();
      if (candidate.startsWith(root) && Files.exists(candidate)) {
        return true;
      }
    }
    return false;
  }
}
