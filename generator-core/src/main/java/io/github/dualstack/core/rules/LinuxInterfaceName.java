package io.github.dualstack.core.rules;

import java.nio.charset.StandardCharsets;

/**
 * What the Linux kernel accepts as a network interface name: {@code dev_valid_name} in torvalds/linux
 * net/core/dev.c, with {@code IFNAMSIZ} 16 (include/uapi/linux/if.h) counting the terminating NUL.
 */
public final class LinuxInterfaceName {

    /** {@code IFNAMSIZ - 1}: bytes, not characters. */
    public static final int MAX_BYTES = 15;

    private LinuxInterfaceName() {
    }

    /** Why the kernel would refuse the name, or null. */
    public static String problem(String name) {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > MAX_BYTES) {
            return "interface name must be 1 to " + MAX_BYTES + " bytes long (Linux IFNAMSIZ), got " + bytes;
        }
        if (name.equals(".") || name.equals("..")) {
            return "interface name must not be '.' or '..'";
        }
        if (name.contains("/") || name.contains(":")) {
            return "interface name must not contain '/' or ':'";
        }
        if (name.chars().anyMatch(ch -> Character.isWhitespace(ch) || Character.isISOControl(ch))) {
            return "interface name must not contain whitespace";
        }
        return null;
    }
}
