package io.github.dualstack.core.rules;

/**
 * CSV injection (OWASP, "CSV Injection"): a spreadsheet evaluates a cell that starts with {@code =}, {@code +},
 * {@code -} or {@code @} as a formula (tab and carriage return, the rest of OWASP's list, are control characters,
 * refused anywhere in an inventory). No value of an edge node can start with one, so an inventory field that does is
 * refused rather than escaped: the file stays a plain export, safe to open in a spreadsheet again.
 */
public final class CsvInjection {

    private static final String FORMULA_STARTS = "=+-@";

    private CsvInjection() {
    }

    /** Whether a spreadsheet would evaluate {@code field} as a formula. */
    public static boolean isFormula(String field) {
        return !field.isEmpty() && FORMULA_STARTS.indexOf(field.charAt(0)) >= 0;
    }
}
