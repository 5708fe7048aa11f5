package com.hdcompose.cli;

import com.hdcompose.engine.imaging.MetricScores;
import com.hdcompose.engine.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/** Averages per-image scores per method, overall and by foreground ratio, into a printed table and a CSV file. */
final class EvaluationReport {
    /** A foreground-ratio band of the iHarmony4 tables: {@code low ≤ ratio < high}. */
    record Band(String label, double low, double high) {
        boolean contains(double ratio) {
            return ratio >= low && ratio < high;
        }
    }

    static final List<Band> BANDS = List.of(new Band("all", 0, Double.MAX_VALUE), new Band("0-5%", 0, 0.05),
            new Band("5-15%", 0.05, 0.15), new Band("15-100%", 0.15, Double.MAX_VALUE));
    private static final String ROW = "%-12s %-8s %6s %10s %8s %10s %8s%n";

    private final List<EvaluationRow> rows;

    EvaluationReport(List<EvaluationRow> rows) {
        this.rows = List.copyOf(rows);
    }

    /** Mean of every metric per method and band, one line each; bands without images show dashes. */
    void printTable(PrintWriter out) {
        out.printf(Locale.ROOT, ROW, "method", "fg", "images", "MSE", "PSNR", "fMSE", "SSIM");
        for (String method : methods()) {
            for (Band band : BANDS) {
                List<MetricScores> scores = rows.stream()
                        .filter(r -> r.method().equals(method) && band.contains(r.foregroundRatio()))
                        .map(EvaluationRow::scores).toList();
                if (scores.isEmpty()) {
                    out.printf(Locale.ROOT, ROW, method, band.label(), "0", "-", "-", "-", "-");
                    continue;
                }
                out.printf(Locale.ROOT, ROW, method, band.label(), scores.size(),
                        fmt("%.2f", mean(scores, MetricScores::mse)), fmt("%.2f", mean(scores, MetricScores::psnr)),
                        fmt("%.2f", mean(scores, MetricScores::fmse)), fmt("%.4f", mean(scores, MetricScores::ssim)));
            }
        }
        out.flush();
    }

    /** One line per image and method, written atomically. */
    void writeCsv(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("image,method,fg_ratio,mse,psnr,fmse,ssim,millis\n");
        for (EvaluationRow r : rows) {
            MetricScores s = r.scores();
            csv.append(String.format(Locale.ROOT, "%s,%s,%.6f,%.6f,%.6f,%.6f,%.6f,%d%n", quote(r.image()), r.method(),
                    r.foregroundRatio(), s.mse(), s.psnr(), s.fmse(), s.ssim(), r.millis()));
        }
        AtomicFiles.write(file, csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private Set<String> methods() {
        Set<String> methods = new LinkedHashSet<>();
        rows.forEach(r -> methods.add(r.method()));
        return methods;
    }

    private static double mean(List<MetricScores> scores, ToDoubleFunction<MetricScores> metric) {
        return scores.stream().mapToDouble(metric).average().orElse(Double.NaN);
    }

    private static String fmt(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }

    private static String quote(String field) {
        return field.contains(",") || field.contains("\"") ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }
}
