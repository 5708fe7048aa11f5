package com.hdcompose.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.hdcompose.engine.imaging.MetricScores;
import com.hdcompose.engine.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/** Averages per-image scores per method, overall and by foreground ratio, into a printed table, a CSV and a JSON file. */
final class EvaluationReport {
    /** A foreground-ratio band of the iHarmony4 tables: {@code low ≤ ratio < high}. */
    record Band(String label, double low, double high) {
        boolean contains(double ratio) {
            return ratio >= low && ratio < high;
        }
    }

    /** Mean scores of one method over the images of one band; {@code mean} is null when the band has no image. */
    record BandSummary(String method, String band, int images, MetricScores mean) {
    }

    static final List<Band> BANDS = List.of(new Band("all", 0, Double.MAX_VALUE), new Band("0-5%", 0, 0.05),
            new Band("5-15%", 0.05, 0.15), new Band("15-100%", 0.15, Double.MAX_VALUE));
    private static final String ROW = "%-12s %-8s %6s %10s %8s %10s %8s%n";

    private final List<EvaluationRow> rows;

    EvaluationReport(List<EvaluationRow> rows) {
        this.rows = List.copyOf(rows);
    }

    /** One summary per method (in the order first scored) and band. */
    List<BandSummary> summary() {
        Set<String> methods = new LinkedHashSet<>();
        rows.forEach(r -> methods.add(r.method()));
        List<BandSummary> summary = new ArrayList<>();
        for (String method : methods) {
            for (Band band : BANDS) {
                List<MetricScores> scores = rows.stream()
                        .filter(r -> r.method().equals(method) && band.contains(r.foregroundRatio()))
                        .map(EvaluationRow::scores).toList();
                MetricScores mean = scores.isEmpty() ? null : new MetricScores(mean(scores, MetricScores::mse),
                        mean(scores, MetricScores::psnr), mean(scores, MetricScores::fmse), mean(scores, MetricScores::ssim));
                summary.add(new BandSummary(method, band.label(), scores.size(), mean));
            }
        }
        return summary;
    }

    /** The summary as a fixed-width table; bands without images show dashes. */
    void printTable(PrintWriter out) {
        out.printf(Locale.ROOT, ROW, "method", "fg", "images", "MSE", "PSNR", "fMSE", "SSIM");
        for (BandSummary s : summary()) {
            MetricScores m = s.mean();
            if (m == null) {
                out.printf(Locale.ROOT, ROW, s.method(), s.band(), "0", "-", "-", "-", "-");
            } else {
                out.printf(Locale.ROOT, ROW, s.method(), s.band(), s.images(), fmt("%.2f", m.mse()),
                        fmt("%.2f", m.psnr()), fmt("%.2f", m.fmse()), fmt("%.4f", m.ssim()));
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

    /** The summary and how it was measured, as JSON, written atomically. */
    void writeJson(Path file, String input, String size) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Map<String, Object> doc = Map.of("input", input, "size", size, "protocol",
                "iHarmony4: metrics on 0..255, averaged per image, PSNR data range 255", "summary", summary());
        AtomicFiles.write(file, json.writeValueAsBytes(doc));
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
