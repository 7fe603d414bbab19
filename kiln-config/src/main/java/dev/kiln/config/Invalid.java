package dev.kiln.config;

/**
 * Stands for a value whose problems are already reported, so that whatever depends on it skips
 * its own checks and calls instead of reporting the same mistake again.
 */
enum Invalid {
  VALUE
}
