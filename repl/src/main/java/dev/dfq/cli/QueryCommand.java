package dev.dfq.cli;

/** Reading captures: the one-shot tshark-like mode (-r, -Y, -T, ...). */
final class QueryCommand {
    private final DfqCommand cmd;
    private final Preferences preferences;

    QueryCommand(DfqCommand cmd, Preferences preferences) {
        this.cmd = cmd;
        this.preferences = preferences;
    }

    int run() {
        cmd.err.println("dfq: reading captures is not available in this build");
        return ExitCodes.INVALID_FILE;
    }
}
