package dev.kiln.train;

/** One evaluation's main score and the step it was made at. */
public record ScoreAtStep(double score, long step) {}
