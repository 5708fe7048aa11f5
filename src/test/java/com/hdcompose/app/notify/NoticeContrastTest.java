package com.hdcompose.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * WCAG AA for notices, computed from the shipped stylesheet: for each level, the text colour of
 * {@code .notice-LEVEL .notice-text} on the background of {@code .notice-LEVEL} has a contrast ratio of at least 4.5.
 */
class NoticeContrastTest {
    static String css() throws IOException {
        try (InputStream in = NoticeContrastTest.class.getResourceAsStream("/com/hdcompose/app/editor.css")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The hex colour of {@code property} in the rule whose selector is exactly {@code selector}. */
    static String colour(String css, String selector, String property) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(selector) + "\\s*\\{([^}]*)}").matcher(css);
        assertThat(m.find()).as("rule " + selector).isTrue();
        Matcher v = Pattern.compile(Pattern.quote(property) + ":\\s*(#[0-9a-fA-F]{6})").matcher(m.group(1));
        assertThat(v.find()).as(property + " in " + selector).isTrue();
        return v.group(1);
    }

    /** WCAG 2 relative luminance of an sRGB hex colour. */
    static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double s = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    @ParameterizedTest
    @ValueSource(strings = {"info", "warning", "error"})
    void noticeTextMeetsWcagAa(String level) throws IOException {
        String css = css();
        String background = colour(css, ".notice-" + level, "-fx-background-color");
        String text = colour(css, ".notice-" + level + " .notice-text", "-fx-text-fill");
        assertThat(contrast(text, background)).as(level + ": " + text + " on " + background)
                .isGreaterThanOrEqualTo(4.5);
    }

    @org.junit.jupiter.api.Test
    void theFormulaMatchesKnownPairs() {
        assertThat(contrast("#000000", "#ffffff")).isEqualTo(21.0);
        assertThat(contrast("#292929", "#323439")).as("the old notices, about 1.1:1").isLessThan(1.2);
        assertThat(contrast("#767676", "#ffffff")).isBetween(4.5, 4.6);
    }
}
