package io.github.dualstack.cli;

/** How problems are printed. */
enum OutputFormat { text, json }
