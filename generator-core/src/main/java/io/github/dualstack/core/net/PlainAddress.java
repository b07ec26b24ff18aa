package io.github.dualstack.core.net;

import io.github.dualstack.core.model.IpFamily;

/**
 * The address literals most descriptors and inventories hold, read without the library: a dotted quad without
 * leading zeros, or up to eight groups of one to four hex digits with at most one {@code ::}. Anything else (and
 * an IPv4-mapped address) is left to {@link IpLiterals}, which accepts or refuses it with its reason; what is read
 * here the library reads to the same bits (PlainAddressTest). At 100,000 edges the library's parse was a fifth of
 * binding and checking the nodes.
 */
final class PlainAddress {

    private PlainAddress() {
    }

    /** The address {@code text} spells in {@code family}, or null when it is not such a plain literal. */
    static IpAddress of(String text, IpFamily family) {
        return family == IpFamily.IPv4 ? v4(text) : v6(text);
    }

    private static IpAddress v4(String s) {
        int bits = 0;
        int i = 0;
        for (int part = 0; part < 4; part++) {
            if (part > 0) {
                if (i >= s.length() || s.charAt(i) != '.') {
                    return null;
                }
                i++;
            }
            int start = i;
            int value = 0;
            while (i < s.length() && i - start < 3 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                value = value * 10 + s.charAt(i) - '0';
                i++;
            }
            int digits = i - start;
            if (digits == 0 || value > 255 || (digits > 1 && s.charAt(start) == '0')) {
                return null;
            }
            bits = bits << 8 | value;
        }
        return i == s.length() ? new IpAddress.V4(bits) : null;
    }

    private static IpAddress v6(String s) {
        if (s.length() < 2 || s.length() > 39) {
            return null;
        }
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] head = groups(gap < 0 ? s : s.substring(0, gap));
        int[] tail = gap < 0 ? new int[0] : groups(s.substring(gap + 2));
        if (head == null || tail == null || (gap < 0 ? head.length != 8 : head.length + tail.length > 7)) {
            return null;
        }
        int[] all = new int[8];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, 8 - tail.length, tail.length);
        long high = 0;
        long low = 0;
        for (int g = 0; g < 4; g++) {
            high = high << 16 | all[g];
            low = low << 16 | all[g + 4];
        }
        boolean mapped = high == 0 && (low >>> 32) == 0xffff;
        return mapped ? null : new IpAddress.V6(high, low);
    }

    /** The groups of a colon-separated run of one to four hex digits each (none for ""), or null. */
    private static int[] groups(String part) {
        if (part.isEmpty()) {
            return new int[0];
        }
        int[] out = new int[9];
        int n = 0;
        int i = 0;
        while (true) {
            int start = i;
            int value = 0;
            while (i < part.length() && i - start < 4 && Character.digit(part.charAt(i), 16) >= 0
                    && part.charAt(i) < 0x80) {
                value = value << 4 | Character.digit(part.charAt(i), 16);
                i++;
            }
            if (i == start || n == out.length) {
                return null;
            }
            out[n++] = value;
            if (i == part.length()) {
                return java.util.Arrays.copyOf(out, n);
            }
            if (part.charAt(i) != ':') {
                return null;
            }
            i++;
        }
    }
}
