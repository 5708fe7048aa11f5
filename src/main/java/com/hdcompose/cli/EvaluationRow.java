package com.hdcompose.cli;

import com.hdcompose.engine.imaging.MetricScores;

/** The scores of one method on one triplet, with the triplet's foreground ratio for the per-ratio table rows. */
record EvaluationRow(String image, String method, double foregroundRatio, MetricScores scores, long millis) {
}
