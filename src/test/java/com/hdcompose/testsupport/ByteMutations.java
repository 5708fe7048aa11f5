package com.hdcompose.testsupport;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Fuzzing inputs for the parsers of untrusted bytes: valid files damaged by a few random edits (bit flips, extreme
 * 16/32-bit values in the header, cuts, insertions, deletions, repeated ranges) and plain random bytes.
 */
public final class ByteMutations {
    /** Values a damaged size, length or offset field likes to take. */
    private static final long[] EXTREMES = {0, 1, 2, 0x7F, 0x80, 0xFF, 0x100, 0x3FFF, 0x4000, 0x7FFF, 0x8000, 0xFFFF,
        0x10000, 16_384, 16_385, 120_000_000, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL};

    private ByteMutations() {
    }

    /**
     * One edit; {@code at} is a fraction of the length (or of the first 64 bytes, where headers live), past the first
     * four bytes: a broken signature only makes "not an image", which random bytes already cover.
     */
    public record Mutation(Kind kind, boolean inHeader, double at, int value, int length) {
        /** The kinds of edit. */
        public enum Kind { FLIP_BIT, SET_BYTE, SET_U16, SET_U32, TRUNCATE, INSERT, DELETE, REPEAT }

        byte[] apply(byte[] in) {
            if (in.length == 0) {
                return kind == Kind.INSERT ? new byte[] {(byte) value} : in;
            }
            int keep = in.length > 8 ? 4 : 0;
            int span = (inHeader ? Math.min(64, in.length) : in.length) - keep;
            int pos = Math.min(in.length - 1, keep + (int) (at * span));
            byte[] out = in.clone();
            switch (kind) {
                case FLIP_BIT -> out[pos] ^= (byte) (1 << (value & 7));
                case SET_BYTE -> out[pos] = (byte) value;
                case SET_U16 -> put(out, pos, EXTREMES[Math.floorMod(value, EXTREMES.length)], 2, value < 0);
                case SET_U32 -> put(out, pos, EXTREMES[Math.floorMod(value, EXTREMES.length)], 4, value < 0);
                case TRUNCATE -> out = Arrays.copyOf(in, pos);
                case INSERT -> out = splice(in, pos, 0, filler(length, value));
                case DELETE -> out = splice(in, pos, Math.min(length, in.length - pos), new byte[0]);
                case REPEAT -> out = splice(in, pos, 0, Arrays.copyOfRange(in, pos, Math.min(in.length, pos + length)));
                default -> throw new IllegalStateException(kind.toString());
            }
            return out;
        }
    }

    /** A random edit. */
    public static Arbitrary<Mutation> mutation() {
        return Combinators.combine(Arbitraries.of(Mutation.Kind.class), Arbitraries.of(true, false),
                        Arbitraries.doubles().between(0, 1), Arbitraries.integers(), Arbitraries.integers().between(1, 64))
                .as(Mutation::new);
    }

    /** {@code seed} after one to six random edits. */
    public static Arbitrary<byte[]> mutated(Arbitrary<byte[]> seed) {
        return Combinators.combine(seed, mutation().list().ofMinSize(1).ofMaxSize(6)).as(ByteMutations::applyAll);
    }

    /** Random bytes, half of them behind a real file signature so that they reach a format's own parser. */
    public static Arbitrary<byte[]> randomBytes(List<byte[]> signatures) {
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(2048);
        Arbitrary<byte[]> signed = Combinators.combine(Arbitraries.of(signatures), noise).as(ByteMutations::concat);
        return Arbitraries.oneOf(noise, signed);
    }

    public static byte[] applyAll(byte[] seed, List<Mutation> edits) {
        byte[] out = seed;
        for (Mutation m : edits) {
            out = m.apply(out);
        }
        return out;
    }

    public static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    /** The first line-free, digit-free part of an error message, to count outcomes by kind. */
    public static String category(String message, String name) {
        String rest = message.startsWith(name + ": ") ? message.substring(name.length() + 2) : message;
        int cut = rest.indexOf('(');
        String head = (cut > 0 ? rest.substring(0, cut) : rest).replaceAll("[0-9]+", "#").trim();
        return head.length() > 70 ? head.substring(0, 70) : head;
    }

    private static void put(byte[] out, int pos, long v, int width, boolean littleEndian) {
        for (int i = 0; i < width && pos + i < out.length; i++) {
            int shift = 8 * (littleEndian ? i : width - 1 - i);
            out[pos + i] = (byte) (v >>> shift);
        }
    }

    private static byte[] filler(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private static byte[] splice(byte[] in, int pos, int remove, byte[] insert) {
        byte[] out = new byte[in.length - remove + insert.length];
        System.arraycopy(in, 0, out, 0, pos);
        System.arraycopy(insert, 0, out, pos, insert.length);
        System.arraycopy(in, pos + remove, out, pos + insert.length, in.length - pos - remove);
        return out;
    }
}
