import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * The run's report: the table printed and written to bench.md, the same figures in bench.json, and
 * bench.png, each figure with a target as a bar against it.
 */
final class Report {

  private static final Pattern TARGET = Pattern.compile("([≥≤])\\s*([0-9.]+)");

  private final Settings settings;
  private final Results results;
  private final Path out;

  Report(Settings settings, Results results) {
    this.settings = settings;
    this.results = results;
    this.out = settings.out;
  }

  void write(Duration took) throws Exception {
    StringBuilder md = new StringBuilder();
    md.append("| figure | median | unit | runs | target | met | what |\n");
    md.append("| --- | ---: | --- | --- | --- | --- | --- |\n");
    StringBuilder json =
        new StringBuilder("{\n  \"cores\": ")
            .append(Runtime.getRuntime().availableProcessors())
            .append(",\n  \"runs\": ")
            .append(settings.runs)
            .append(",\n  \"seconds\": ")
            .append(took.toSeconds())
            .append(",\n  \"results\": [\n");
    int i = 0;
    for (Results.Result r : results.all()) {
      String runsText =
          r.runs().size() > 1
              ? r.runs().stream().map(Report::format).reduce((a, b) -> a + ", " + b).orElse("")
              : "";
      md.append("| ")
          .append(r.name())
          .append(" | ")
          .append(format(r.value()))
          .append(" | ")
          .append(r.unit())
          .append(" | ")
          .append(runsText)
          .append(" | ")
          .append(r.target())
          .append(" | ")
          .append(r.target().isEmpty() ? "" : r.met() ? "yes" : "no")
          .append(" | ")
          .append(r.note())
          .append(" |\n");
      json.append(i++ == 0 ? "" : ",\n")
          .append("    {\"name\": \"")
          .append(r.name())
          .append("\", \"unit\": \"")
          .append(r.unit())
          .append("\", \"median\": ")
          .append(format(r.value()))
          .append(", \"runs\": ")
          .append(r.runs().stream().map(Report::format).toList())
          .append(", \"target\": \"")
          .append(r.target())
          .append("\", \"met\": ")
          .append(r.target().isEmpty() ? "null" : r.met())
          .append(", \"what\": \"")
          .append(r.note().replace("\"", "'"))
          .append("\"}");
    }
    json.append("\n  ]\n}\n");
    Files.createDirectories(out);
    Files.writeString(
        out.resolve("bench.md"),
        "# Benchmark (" + Instant.now() + ", " + took.toSeconds() + " s)\n\n" + md);
    Files.writeString(out.resolve("bench.json"), json);
    chart();
    System.out.println();
    System.out.print(md);
    Bench.say(
        "written: "
            + out.resolve("bench.md")
            + ", bench.json, bench.png; the whole run took "
            + took.toSeconds()
            + " s");
  }

  static String format(double v) {
    if (v < 1) {
      return String.format(Locale.ROOT, "%.3f", v);
    }
    return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }

  /** One bar per figure with a target: the share of the target reached (100 % = met). */
  private void chart() throws IOException {
    List<Results.Result> targeted =
        results.all().stream()
            .filter(
                r ->
                    !r.target().isEmpty()
                        && !r.target().startsWith("(")
                        && !r.target().contains("×"))
            .toList();
    int w = 900, row = 44, h = 90 + row * targeted.size();
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.setColor(Color.DARK_GRAY);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(
        "Benchmark: each figure against its target (bar to the line = target met)", 20, 30);
    int left = 260, barMax = 520;
    int targetX = left + barMax * 2 / 3;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    int y = 60;
    for (Results.Result r : targeted) {
      double share = share(r);
      int len = (int) Math.min(barMax, share * (barMax * 2 / 3.0));
      g.setColor(Color.DARK_GRAY);
      g.drawString(r.name(), 20, y + 20);
      g.setColor(r.met() ? new Color(60, 150, 80) : new Color(200, 80, 60));
      g.fillRect(left, y + 6, Math.max(2, len), 22);
      g.setColor(Color.DARK_GRAY);
      g.drawString(
          format(r.value()) + " " + r.unit() + " (" + r.target() + ")",
          left + Math.max(2, len) + 8,
          y + 22);
      y += row;
    }
    g.setColor(Color.GRAY);
    g.setStroke(
        new BasicStroke(
            1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {5, 5}, 0));
    g.drawLine(targetX, 45, targetX, h - 20);
    g.drawString("target", targetX - 18, h - 6);
    g.dispose();
    ImageIO.write(img, "png", out.resolve("bench.png").toFile());
  }

  /** How far towards its target a figure is (1 = exactly the target), for "≥" and "≤" targets. */
  private static double share(Results.Result r) {
    Matcher m = TARGET.matcher(r.target());
    if (!m.find()) {
      return r.met() ? 1 : 0.5;
    }
    double target = Double.parseDouble(m.group(2));
    if (r.name().equals("bank transfers")) {
      return r.met() ? 1 : 0.5;
    }
    return m.group(1).equals("≥") ? r.value() / target : target / Math.max(r.value(), 1e-9);
  }
}
