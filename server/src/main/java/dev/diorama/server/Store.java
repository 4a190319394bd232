package dev.diorama.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The job store: one SQLite file ({@code diorama.db}) in the data directory, holding the API keys
 * (hashed) and the videos. Every change is a committed transaction before the method returns
 * (WAL journal, {@code synchronous=FULL}), so an accepted job survives a crash of the server.
 *
 * <p>One connection for the changes, used under this object's lock: SQLite serializes writers
 * anyway. The reads that every request makes (its key, its video, a page of the list) go through a
 * few read-only connections of their own instead, so that two hundred clients polling at once do
 * not queue on one lock (WAL lets readers run beside the writer and see every committed change).
 * The CLI's {@code keys} command opens the same file from another process; SQLite's file locks and
 * the busy timeout keep the two apart.
 */
public final class Store implements AutoCloseable {
    public static final String FILE = "diorama.db";
    private static final int READERS = 4;
    private final Connection db;
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final List<Connection> allReaders = new ArrayList<>();

    /** A video as stored. Times are Unix seconds; {@code completedAt}, {@code expiresAt} may be null. */
    public record Row(long seq, String id, String owner, String status, int progress, long createdAt,
                      Long completedAt, Long expiresAt, String model, String prompt, String seconds, String size,
                      long seed, String scene, String remixedFrom, String errorCode, String errorMessage, int attempts,
                      String extension) {
        public boolean terminal() { return status.equals("completed") || status.equals("failed"); }
    }

    /** An API key as listed (its secret is never stored, only its SHA-256). */
    public record Key(String id, String name, String prefix, long createdAt, Long revokedAt) {}

    public Store(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(FILE).toAbsolutePath());
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = FULL");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS api_keys (
                          id TEXT PRIMARY KEY, name TEXT NOT NULL, hash TEXT NOT NULL UNIQUE, prefix TEXT NOT NULL,
                          created_at INTEGER NOT NULL, revoked_at INTEGER)""");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS videos (
                          seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, owner TEXT NOT NULL,
                          status TEXT NOT NULL, progress INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL,
                          completed_at INTEGER, expires_at INTEGER, model TEXT NOT NULL, prompt TEXT NOT NULL,
                          seconds TEXT NOT NULL, size TEXT NOT NULL, seed INTEGER NOT NULL, scene TEXT NOT NULL,
                          remixed_from TEXT, error_code TEXT, error_message TEXT, attempts INTEGER NOT NULL DEFAULT 0)""");
                // Added with extensions: {"video_id": the video extended, "seconds": the continuation's length}
                // for a job that extends a video (its scene column holds the original's scene), else null.
                boolean hasExtension = false;
                try (ResultSet rs = s.executeQuery("PRAGMA table_info(videos)")) {
                    while (rs.next()) hasExtension |= rs.getString("name").equals("extension");
                }
                if (!hasExtension) s.execute("ALTER TABLE videos ADD COLUMN extension TEXT");
                s.execute("CREATE INDEX IF NOT EXISTS videos_by_owner ON videos (owner, seq)");
                s.execute("CREATE INDEX IF NOT EXISTS videos_by_status ON videos (status, seq)");
            }
            for (int i = 0; i < READERS; i++) {
                Connection reader = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(FILE).toAbsolutePath());
                allReaders.add(reader);
                try (Statement s = reader.createStatement()) {
                    s.execute("PRAGMA busy_timeout = 10000");
                    s.execute("PRAGMA query_only = 1");
                }
                readers.add(reader);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot open the job store in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    // ---- keys ----

    public synchronized void insertKey(String id, String name, String hash, String prefix, long now) {
        update("INSERT INTO api_keys (id, name, hash, prefix, created_at) VALUES (?, ?, ?, ?, ?)", id, name, hash, prefix, now);
    }

    /** The id of the live key with this hash, or null. */
    public String keyOwner(String hash) {
        return read("SELECT id FROM api_keys WHERE hash = ? AND revoked_at IS NULL", rs -> rs.getString(1), hash)
                .stream().findFirst().orElse(null);
    }

    /** True when a key with this id exists and is not revoked. */
    public boolean keyLive(String id) {
        return !read("SELECT 1 FROM api_keys WHERE id = ? AND revoked_at IS NULL", rs -> rs.getInt(1), id).isEmpty();
    }

    public synchronized List<Key> keys() {
        return query("SELECT id, name, prefix, created_at, revoked_at FROM api_keys ORDER BY created_at, id",
                rs -> new Key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), nullableLong(rs, 5)));
    }

    /** Revokes a key; false when there is no live key with this id. */
    public synchronized boolean revokeKey(String id, long now) {
        return update("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", now, id) == 1;
    }

    // ---- videos ----

    public synchronized Row insertVideo(String id, String owner, long now, String model, String prompt, String seconds,
                                        String size, long seed, String scene, String remixedFrom) {
        return insertVideo(id, owner, now, model, prompt, seconds, size, seed, scene, remixedFrom, null);
    }

    /** As above, with the extension's description (see the {@code extension} column), or null. */
    public synchronized Row insertVideo(String id, String owner, long now, String model, String prompt, String seconds,
                                        String size, long seed, String scene, String remixedFrom, String extension) {
        update("""
                INSERT INTO videos (id, owner, status, created_at, model, prompt, seconds, size, seed, scene, remixed_from,
                                    extension)
                VALUES (?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, owner, now, model, prompt, seconds, size, seed, scene, remixedFrom, extension);
        return video(id);
    }

    public Row video(String id) {
        return read("SELECT * FROM videos WHERE id = ?", Store::row, id).stream().findFirst().orElse(null);
    }

    /**
     * One page of an owner's videos, unexpired, newest first ({@code desc}) or oldest first, after
     * the video {@code afterSeq} (0: from the start); {@code limit + 1} rows so the caller knows
     * whether there are more.
     */
    public List<Row> page(String owner, long afterSeq, int limit, boolean descending, long now) {
        String cmp = afterSeq == 0 ? "" : descending ? " AND seq < " + afterSeq : " AND seq > " + afterSeq;
        return read("SELECT * FROM videos WHERE owner = ? AND (expires_at IS NULL OR expires_at > ?)" + cmp
                + " ORDER BY seq " + (descending ? "DESC" : "ASC") + " LIMIT ?", Store::row, owner, now, limit + 1);
    }

    /** Takes a queued job: it is in progress from now on; null when it is gone or not queued. */
    public synchronized Row start(String id) {
        int n = update("UPDATE videos SET status = 'in_progress', progress = 0, attempts = attempts + 1 "
                + "WHERE id = ? AND status = 'queued'", id);
        return n == 1 ? video(id) : null;
    }

    /** Puts a job interrupted by a stopping server back in line, without counting the attempt. */
    public synchronized void requeue(String id) {
        update("UPDATE videos SET status = 'queued', progress = 0, attempts = attempts - 1 WHERE id = ? AND status = 'in_progress'", id);
    }

    /** Marks a job completed; false when it was deleted meanwhile. */
    public synchronized boolean complete(String id, long now, long expiresAt) {
        return update("UPDATE videos SET status = 'completed', progress = 100, completed_at = ?, expires_at = ? "
                + "WHERE id = ? AND status = 'in_progress'", now, expiresAt, id) == 1;
    }

    public synchronized boolean fail(String id, long now, long expiresAt, String code, String message) {
        return update("UPDATE videos SET status = 'failed', completed_at = ?, expires_at = ?, error_code = ?, "
                + "error_message = ? WHERE id = ? AND status IN ('queued', 'in_progress')", now, expiresAt, code, message, id) == 1;
    }

    public synchronized boolean delete(String id) {
        return update("DELETE FROM videos WHERE id = ?", id) == 1;
    }

    /**
     * After a crash or a stop: every job that was in progress is queued again. Returns the queued
     * jobs, oldest first, in the order they are to run.
     */
    public synchronized List<Row> recover() {
        update("UPDATE videos SET status = 'queued', progress = 0 WHERE status = 'in_progress'");
        return query("SELECT * FROM videos WHERE status = 'queued' ORDER BY seq", Store::row);
    }

    /** Videos whose expiry time has passed. */
    public synchronized List<Row> expired(long now) {
        return query("SELECT * FROM videos WHERE expires_at IS NOT NULL AND expires_at <= ?", Store::row, now);
    }

    public synchronized int count(String status) {
        return query("SELECT COUNT(*) FROM videos WHERE status = ?", rs -> rs.getInt(1), status).getFirst();
    }

    @Override
    public synchronized void close() {
        List<Connection> all = new ArrayList<>(allReaders);
        all.add(db);
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing: nothing more to do
            }
        }
    }

    // ---- plumbing ----

    private interface Mapper<T> { T map(ResultSet rs) throws SQLException; }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("seq"), rs.getString("id"), rs.getString("owner"), rs.getString("status"),
                rs.getInt("progress"), rs.getLong("created_at"), nullableLong(rs, "completed_at"),
                nullableLong(rs, "expires_at"), rs.getString("model"), rs.getString("prompt"), rs.getString("seconds"),
                rs.getString("size"), rs.getLong("seed"), rs.getString("scene"), rs.getString("remixed_from"),
                rs.getString("error_code"), rs.getString("error_message"), rs.getInt("attempts"),
                rs.getString("extension"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) ps.setNull(i + 1, Types.NULL);
            else ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    private int update(String sql, Object... args) {
        try (PreparedStatement ps = prepare(db, sql, args)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("job store: " + e.getMessage(), e);
        }
    }

    /** A query on the write connection; the caller holds this object's lock. */
    private <T> List<T> query(String sql, Mapper<T> mapper, Object... args) {
        return query(db, sql, mapper, args);
    }

    /** A query on one of the read-only connections, without this object's lock. */
    private <T> List<T> read(String sql, Mapper<T> mapper, Object... args) {
        Connection c;
        try {
            c = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("job store: interrupted while waiting for a connection", e);
        }
        try {
            return query(c, sql, mapper, args);
        } finally {
            readers.add(c);
        }
    }

    private static <T> List<T> query(Connection c, String sql, Mapper<T> mapper, Object... args) {
        try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) out.add(mapper.map(rs));
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("job store: " + e.getMessage(), e);
        }
    }
}
