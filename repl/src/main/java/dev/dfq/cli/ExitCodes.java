package dev.dfq.cli;

/** Exit statuses, as tshark 4.6 uses them (ws_exit_codes.h) where tshark has one. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int INVALID_OPTION = 1;
    public static final int INVALID_INTERFACE = 2;
    public static final int INVALID_FILE = 3;
    public static final int INVALID_FILTER = 4;
    /** tshark 4.6.9 exits 14 when a capture is damaged or cut short (after printing the good frames). */
    public static final int DAMAGED_FILE = 14;
    /** An unexpected failure inside dfq. */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
