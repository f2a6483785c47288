package dev.modelslabtwin.emulator.admin;

import dev.modelslabtwin.emulator.control.EmulatorControl;

import java.util.Map;

/** The control routes of the mailbox: read what the API "sent", the newest email to an address, empty it. */
final class MailboxOperations implements MailboxApi {

    private final EmulatorControl control;

    MailboxOperations(EmulatorControl control) {
        this.control = control;
    }

    @Override
    public Object listMail(String to, Integer limit) {
        return control.mail(to, limit);
    }

    @Override
    public Object getLatestMail(String to) {
        return control.latestMail(to).orElseThrow(() -> ControlApi.notFound("email to " + to + " in the mailbox"));
    }

    @Override
    public Object clearMailbox(String to) {
        return Map.of("cleared", control.clearMailbox(to));
    }
}
