package io.github.dualstack.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * sha256 as dualstack records it, in lowercase hex: of a file's bytes (the manifest), and of inputs fed in pieces
 * (fingerprints, render keys), each piece prefixed with its length so that no two sequences of pieces digest alike.
 */
public final class Sha256 {

    private Sha256() {
    }

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** Feeds {@code piece} as {@code LENGTH:BYTES}. */
    public static void piece(MessageDigest md, byte[] piece) {
        md.update((piece.length + ":").getBytes(StandardCharsets.UTF_8));
        md.update(piece);
    }

    public static void piece(MessageDigest md, String piece) {
        piece(md, piece.getBytes(StandardCharsets.UTF_8));
    }

    /** A digest in the state of {@code md}, to go on from where it stands without feeding its pieces again. */
    public static MessageDigest copy(MessageDigest md) {
        try {
            return (MessageDigest) md.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests can be copied", e);
        }
    }

    /** The digest so far, in hex; {@code md} is reset. */
    public static String hex(MessageDigest md) {
        return HexFormat.of().formatHex(md.digest());
    }
}
