package dev.modelslabtwin.emulator.auth;

import dev.modelslabtwin.emulator.db.Row;
import dev.modelslabtwin.emulator.db.Sql;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

/**
 * Who may switch to which account: a member of a team account may get a token for it
 * ({@code POST /auth/switch-account}). Memberships come from the seed file; a membership's id is the
 * {@code team_member_id} the official CLI sends.
 */
public final class Teams {

    /** One membership: its id, the team account and the member. */
    public record Membership(long id, long teamAccountId, long memberAccountId) {
    }

    private Teams() {
    }

    /** Makes {@code memberAccountId} a member of {@code teamAccountId}'s team (again: the same membership). */
    public static Membership join(Connection db, long teamAccountId, long memberAccountId) {
        Optional<Membership> existing = Sql.one(db, "SELECT id, team_account_id, member_account_id FROM team_members "
                + "WHERE team_account_id = ? AND member_account_id = ?", Teams::map, teamAccountId, memberAccountId);
        if (existing.isPresent()) {
            return existing.get();
        }
        long id = Sql.insert(db, "INSERT INTO team_members (team_account_id, member_account_id) VALUES (?, ?)",
                teamAccountId, memberAccountId);
        return new Membership(id, teamAccountId, memberAccountId);
    }

    /** Every team membership of the account, oldest first. */
    public static List<Membership> of(Connection db, long memberAccountId) {
        return Sql.list(db, "SELECT id, team_account_id, member_account_id FROM team_members WHERE member_account_id = ? ORDER BY id",
                Teams::map, memberAccountId);
    }

    /** The member's membership of the team account called {@code username}, if it has one. */
    static Optional<Membership> byTeamUsername(Connection db, long memberAccountId, String username) {
        return Sql.one(db, "SELECT m.id, m.team_account_id, m.member_account_id FROM team_members m "
                + "JOIN accounts a ON a.id = m.team_account_id WHERE m.member_account_id = ? AND a.username = ?",
                Teams::map, memberAccountId, username);
    }

    /** The member's membership {@code id}, if it is the member's. */
    static Optional<Membership> byId(Connection db, long memberAccountId, long id) {
        return Sql.one(db, "SELECT id, team_account_id, member_account_id FROM team_members WHERE id = ? AND member_account_id = ?",
                Teams::map, id, memberAccountId);
    }

    private static Membership map(Row row) {
        return new Membership(row.getLong(1), row.getLong(2), row.getLong(3));
    }
}
