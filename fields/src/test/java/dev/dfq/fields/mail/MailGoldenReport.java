package dev.dfq.fields.mail;

/** Prints every difference from the goldens (run by hand: mvn exec or a debugger), for triage. */
final class MailGoldenReport {
    private MailGoldenReport() {}

    public static void main(String[] args) {
        for (String c : MailGoldenTest.CAPTURES) {
            for (String mode : new String[] {"fields", "fields-2", "fields-dec"}) {
                var m = MailGoldenTest.mismatches(c, mode);
                System.out.println("== " + c + " " + mode + ": " + m.size() + " frames differ");
                m.forEach(System.out::println);
            }
        }
    }
}
