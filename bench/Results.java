import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures measured, by name, in the order measured (a figure put again keeps its place). */
final class Results {

  /** A figure: the median of its runs (or a value of its own), its target and whether it is met. */
  record Result(
      String name,
      String unit,
      double value,
      List<Double> runs,
      String target,
      boolean met,
      String note) {}

  private final Map<String, Result> results = new LinkedHashMap<>();

  /** A figure of these runs, its value their median. */
  void put(String name, String unit, List<Double> runs, String target, boolean met, String note) {
    results.put(name, new Result(name, unit, median(runs), runs, target, met, note));
  }

  /** A figure with a value of its own (a ratio, a best of several). */
  void put(Result result) {
    results.put(result.name(), result);
  }

  /** That figure, or null when its part did not run. */
  Result get(String name) {
    return results.get(name);
  }

  Collection<Result> all() {
    return results.values();
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
