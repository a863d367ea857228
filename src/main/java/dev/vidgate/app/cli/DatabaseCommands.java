package dev.vidgate.app.cli;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code vidgate database compact}: rewrites the embedded H2 database's file to its live data.
 *
 * <p>Vidgate runs H2 with {@code WRITE_DELAY=0} (a commit is acknowledged once written), and so without H2's background
 * thread, which is also what rewrites the file's sparse parts: every commit writes to new space, and old space is reused
 * only once nothing in it is live. The file grows well past its data (1,000,000 jobs: a 23,955 MB file whose live data
 * compacted to 480 MB, in 23 s). {@code SHUTDOWN COMPACT} writes the live data to a new file; it needs the database to
 * itself, so the server must be stopped (H2's file lock says so otherwise).
 */
final class DatabaseCommands {
    static final String USAGE = """
              vidgate database compact    (embedded H2, with the server stopped: rewrites the file to its live data)""";

    private final DataSource database;
    private final PrintStream out;

    DatabaseCommands(DataSource database, PrintStream out) {
        this.database = database;
        this.out = out;
    }

    int run(String action, Args args) {
        if (!action.equals("compact")) throw new Args.UsageException("unknown action 'database " + action + "'");
        args.allow(0);
        Path file = h2File();
        long before = size(file);
        new JdbcTemplate(database).execute("SHUTDOWN COMPACT");
        out.printf("compacted %s: %,d MB -> %,d MB%n", file, before >> 20, size(file) >> 20);
        return 0;
    }

    /** The embedded H2 database's file; refuses any other database. */
    private Path h2File() {
        JdbcTemplate jdbc = new JdbcTemplate(database);
        String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        if (!"H2".equals(product)) {
            throw new Args.UsageException("database compact is for the embedded H2 database; this one is " + product
                    + ", which reclaims space itself (PostgreSQL: autovacuum, or VACUUM FULL)");
        }
        String path = jdbc.queryForObject("SELECT DATABASE_PATH()", String.class);
        if (path == null) throw new Args.UsageException("database compact is for an H2 file database; this one is in memory");
        // H2 names it with its file systems' prefixes (retry:, and file: when the URL has it)
        return Path.of(path.replaceFirst("^(?:[A-Za-z]{2,}:)+", "") + ".mv.db");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file, e);
        }
    }
}
