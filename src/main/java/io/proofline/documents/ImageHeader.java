package io.proofline.documents;

import java.nio.charset.StandardCharsets;

/**
 * A photo's true type and dimensions, read from its header alone: the PNG's IHDR chunk, the JPEG's SOFn marker,
 * without decoding (or even inflating) a single pixel, so that a decompression bomb costs what its header costs.
 * The file's structure is walked to its end marker (PNG: the chunks up to IEND; JPEG: the marker segments, a SOF
 * before the first scan, and the scans up to EOI), so a truncated photo is told apart from a complete one. Bytes
 * after the end marker are allowed (cameras and tools append their own).
 */
public record ImageHeader(ImageType type, long width, long height) {

    /** Why a file is not a photo we can take. */
    public enum Problem {
        /** Not a JPEG or a PNG, whatever its first bytes claim. */
        NOT_JPEG_OR_PNG,
        /** It begins as a JPEG or PNG but its header or its end is missing or broken. */
        DAMAGED
    }

    /** The file is not a complete JPEG or PNG; nothing of its content is in the message. */
    public static final class UnreadableImageException extends Exception {

        private final Problem problem;

        UnreadableImageException(Problem problem, String why) {
            super(why);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    public long pixels() {
        return width * height;
    }

    public static ImageHeader read(byte[] content) throws UnreadableImageException {
        ImageType type = ImageType.claimedBy(content)
                .orElseThrow(() -> new UnreadableImageException(Problem.NOT_JPEG_OR_PNG, "no JPEG or PNG signature"));
        return type == ImageType.PNG ? png(content) : jpeg(content);
    }

    private static final int PNG_SIGNATURE = 8;
    private static final int IHDR_LENGTH = 13;

    private static ImageHeader png(byte[] content) throws UnreadableImageException {
        if (content.length < PNG_SIGNATURE + 8 || int32(content, PNG_SIGNATURE) != IHDR_LENGTH
                || !"IHDR".equals(chunkType(content, PNG_SIGNATURE + 4))) {
            throw damagedOr(content.length < PNG_SIGNATURE + 8, "no IHDR chunk after the PNG signature");
        }
        if (content.length < PNG_SIGNATURE + 8 + IHDR_LENGTH) {
            throw damaged("a truncated IHDR chunk");
        }
        long width = uint32(content, PNG_SIGNATURE + 8);
        long height = uint32(content, PNG_SIGNATURE + 12);
        int bitDepth = content[PNG_SIGNATURE + 16];
        int colourType = content[PNG_SIGNATURE + 17];
        if (!validPngDepth(colourType, bitDepth)) {
            throw damaged("an impossible PNG colour type and bit depth");
        }
        long at = PNG_SIGNATURE;
        while (true) {
            if (at + 12 > content.length) {
                throw damaged("the PNG ends before its IEND chunk");
            }
            long length = uint32(content, (int) at);
            String chunk = chunkType(content, (int) at + 4);
            at += 12 + length;
            if (length > Integer.MAX_VALUE || at > content.length) {
                throw damaged("a PNG chunk runs past the end of the file");
            }
            if ("IEND".equals(chunk)) {
                return new ImageHeader(ImageType.PNG, width, height);
            }
        }
    }

    private static boolean validPngDepth(int colourType, int bitDepth) {
        return switch (colourType) {
            case 0 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8 || bitDepth == 16;
            case 3 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8;
            case 2, 4, 6 -> bitDepth == 8 || bitDepth == 16;
            default -> false;
        };
    }

    private static final int SOI = 2;
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;

    private static ImageHeader jpeg(byte[] content) throws UnreadableImageException {
        if (content.length < SOI + 2) {
            throw damaged("nothing after the JPEG's start marker");
        }
        if (!plausibleFirstJpegMarker(content[SOI + 1] & 0xFF)) {
            throw new UnreadableImageException(Problem.NOT_JPEG_OR_PNG, "no JPEG marker segment after the start");
        }
        long width = -1;
        long height = -1;
        int at = SOI;
        while (true) {
            if (at >= content.length || content[at] != (byte) 0xFF) {
                throw damaged(at >= content.length ? "the JPEG ends before its EOI marker" : "a broken JPEG marker");
            }
            while (at < content.length && content[at] == (byte) 0xFF) {
                at++; // fill bytes before a marker
            }
            if (at >= content.length) {
                throw damaged("the JPEG ends before its EOI marker");
            }
            int marker = content[at++] & 0xFF;
            if (marker == EOI) {
                throw damaged("an EOI marker before any scan");
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue; // standalone markers
            }
            if (marker == 0xD8 || marker == 0x00 || at + 2 > content.length) {
                throw damaged("a broken JPEG marker segment");
            }
            int length = uint16(content, at);
            if (length < 2 || at + length > content.length) {
                throw damaged("a JPEG marker segment runs past the end of the file");
            }
            if (isStartOfFrame(marker)) {
                if (length < 8) {
                    throw damaged("a truncated SOF segment");
                }
                height = uint16(content, at + 3);
                width = uint16(content, at + 5);
            }
            at += length;
            if (marker == SOS) {
                if (width < 0) {
                    throw damaged("a JPEG scan before any SOF marker");
                }
                at = afterEntropyCodedData(content, at);
                if (content[at + 1] == (byte) EOI) {
                    return new ImageHeader(ImageType.JPEG, width, height);
                }
            }
        }
    }

    /** The position of the marker that ends a scan's entropy-coded data (stuffed zeros and restarts skipped). */
    private static int afterEntropyCodedData(byte[] content, int at) throws UnreadableImageException {
        for (int i = at; i + 1 < content.length; i++) {
            if (content[i] == (byte) 0xFF) {
                int next = content[i + 1] & 0xFF;
                if (next != 0x00 && next != 0xFF && (next < 0xD0 || next > 0xD7)) {
                    return i;
                }
            }
        }
        throw damaged("the JPEG ends before its EOI marker");
    }

    /** SOF0 to SOF15, less DHT (C4), JPG (C8) and DAC (CC). */
    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /** What a JPEG begins with after its start marker: an APPn, a comment, tables or a frame header. */
    private static boolean plausibleFirstJpegMarker(int marker) {
        return (marker >= 0xE0 && marker <= 0xEF) || marker == 0xFE || marker == 0xDB || marker == 0xC4
                || marker == 0xDD || isStartOfFrame(marker);
    }

    private static UnreadableImageException damaged(String why) {
        return new UnreadableImageException(Problem.DAMAGED, why);
    }

    private static UnreadableImageException damagedOr(boolean truncated, String why) {
        return new UnreadableImageException(truncated ? Problem.DAMAGED : Problem.NOT_JPEG_OR_PNG, why);
    }

    private static int uint16(byte[] content, int at) {
        return ((content[at] & 0xFF) << 8) | (content[at + 1] & 0xFF);
    }

    private static int int32(byte[] content, int at) {
        return (int) uint32(content, at);
    }

    private static long uint32(byte[] content, int at) {
        return ((long) uint16(content, at) << 16) | uint16(content, at + 2);
    }

    private static String chunkType(byte[] content, int at) {
        return new String(content, at, 4, StandardCharsets.US_ASCII);
    }
}
