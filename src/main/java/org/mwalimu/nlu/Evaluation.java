package org.mwalimu.nlu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Scores of predictions against gold labels: accuracy, macro-F1, per intent, confusions, fallback. */
public record Evaluation(int examples, double accuracy, double macroF1, Map<String, double[]> perIntent,
                         List<Confusion> confusions, double fallbackPrecision, double fallbackRecall,
                         double inScopeFallbackRate) {

    /** How often {@code gold} was read as {@code predicted}. */
    public record Confusion(String gold, String predicted, int count) {
    }

    public static Evaluation of(List<String> gold, List<String> predicted) {
        int n = gold.size();
        int correct = 0;
        Map<String, int[]> counts = new TreeMap<>(); // tp, fp, fn
        Map<String, Integer> confused = new HashMap<>();
        int inScope = 0;
        int inScopeFallback = 0;
        for (int i = 0; i < n; i++) {
            String g = gold.get(i);
            String p = predicted.get(i);
            counts.computeIfAbsent(g, k -> new int[3]);
            counts.computeIfAbsent(p, k -> new int[3]);
            if (g.equals(p)) {
                correct++;
                counts.get(g)[0]++;
            } else {
                counts.get(p)[1]++;
                counts.get(g)[2]++;
                confused.merge(g + "\u0000" + p, 1, Integer::sum);
            }
            if (!g.equals(TrainingData.FALLBACK)) {
                inScope++;
                if (p.equals(TrainingData.FALLBACK)) {
                    inScopeFallback++;
                }
            }
        }
        Map<String, double[]> perIntent = new TreeMap<>();
        double f1Sum = 0;
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            double precision = c[0] + c[1] == 0 ? 0 : c[0] / (double) (c[0] + c[1]);
            double recall = c[0] + c[2] == 0 ? 0 : c[0] / (double) (c[0] + c[2]);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perIntent.put(e.getKey(), new double[] {precision, recall, f1, c[0] + c[2]});
            f1Sum += f1;
        }
        List<Confusion> confusions = new ArrayList<>();
        confused.forEach((k, v) -> {
            String[] pair = k.split("\u0000");
            confusions.add(new Confusion(pair[0], pair[1], v));
        });
        confusions.sort(Comparator.comparingInt(Confusion::count).reversed()
                .thenComparing(Confusion::gold).thenComparing(Confusion::predicted));
        double[] fallback = perIntent.getOrDefault(TrainingData.FALLBACK, new double[4]);
        return new Evaluation(n, n == 0 ? 0 : correct / (double) n, perIntent.isEmpty() ? 0 : f1Sum / perIntent.size(),
                perIntent, List.copyOf(confusions.subList(0, Math.min(10, confusions.size()))),
                fallback[0], fallback[1], inScope == 0 ? 0 : inScopeFallback / (double) inScope);
    }

    /** A plain-text report, as `eval` prints it. */
    public String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("examples %d, accuracy %.1f%%, macro-F1 %.3f%n", examples, 100 * accuracy, macroF1));
        out.append(String.format("fallback precision %.1f%%, recall %.1f%%; in-scope messages that fell back %.1f%%%n",
                100 * fallbackPrecision, 100 * fallbackRecall, 100 * inScopeFallbackRate));
        out.append(String.format("%-28s %9s %7s %7s%n", "intent", "precision", "recall", "support"));
        for (String intent : new TreeSet<>(perIntent.keySet())) {
            double[] m = perIntent.get(intent);
            out.append(String.format("%-28s %8.1f%% %6.1f%% %7d%n", intent, 100 * m[0], 100 * m[1], (int) m[3]));
        }
        out.append("most confused (gold -> predicted):\n");
        for (Confusion c : confusions) {
            out.append(String.format("  %-28s -> %-28s %d%n", c.gold(), c.predicted(), c.count()));
        }
        return out.toString();
    }
}
