package dev.vidgate.app;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An embedded H2 database acknowledges a commit only once it is written. By default H2 commits to memory and
 * writes in the background ({@code WRITE_DELAY=500}); when such a write fails (a full disk) H2 keeps
 * acknowledging commits that never reach the file, and loses them all at the next start. With {@code WRITE_DELAY=0}
 * the commit itself writes, so a failed write fails the transaction; H2 then closes the database, and the pool
 * drops the connections that report it (see {@link BrokenH2Connections}), so that once space returns the next
 * connection opens the database again, in place.
 *
 * <p>A file database is read through H2's {@code retry:} file system (see {@link #withRetryOnInterrupt}).
 *
 * <p>Any H2 URL also gets {@code QUERY_CACHE_SIZE=64} unless it sets its own: H2 keeps 8 parsed statements per
 * connection by default, fewer than the 10 to 12 distinct statements of one claim, so a claim parsed and planned every
 * one of them again (11% of its CPU in a JFR recording at 200,000 jobs).
 */
@Component
class H2Durability implements BeanPostProcessor {
    static final String URL_KEY = "spring.datasource.url (SPRING_DATASOURCE_URL)";
    private static final Pattern WRITE_DELAY = Pattern.compile(";\\s*WRITE_DELAY\\s*=\\s*([^;]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUERY_CACHE_SIZE = Pattern.compile(";\\s*QUERY_CACHE_SIZE\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_A_FILE = Pattern.compile("(?i)(mem|tcp|ssl|zip):.*");

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && JdbcUrls.isH2(pool.getJdbcUrl())) {
            pool.setJdbcUrl(withRetryOnInterrupt(withStatementCache(withSynchronousCommits(pool.getJdbcUrl()))));
            if (pool.getExceptionOverrideClassName() == null) pool.setExceptionOverrideClassName(BrokenH2Connections.class.getName());
        }
        return bean;
    }

    /** The URL with {@code WRITE_DELAY=0}; refuses one that asks for a delay. */
    static String withSynchronousCommits(String url) {
        Matcher m = WRITE_DELAY.matcher(url);
        if (!m.find()) return url + ";WRITE_DELAY=0";
        if (!m.group(1).trim().equals("0")) {
            throw new IllegalArgumentException(URL_KEY + " sets WRITE_DELAY=" + m.group(1).trim() + "; Vidgate needs WRITE_DELAY=0 "
                    + "so that H2 acknowledges a write only once it is on disk (leave it out and Vidgate adds it)");
        }
        return url;
    }

    /** The URL with {@code QUERY_CACHE_SIZE=64}, unless it sets its own. */
    static String withStatementCache(String url) {
        return QUERY_CACHE_SIZE.matcher(url).find() ? url : url + ";QUERY_CACHE_SIZE=64";
    }

    /**
     * The URL of an H2 file database read through H2's {@code retry:} file system, unless it is already. Interrupting a
     * thread that reads or writes a file channel closes the channel, for every thread: when a node stopped its loops (by
     * interrupting them) while one was inside H2, every other connection's writes failed until the database was opened
     * again, and a stop that cut the close's own writes short left a million-job file that would not open. The wrapper
     * opens the channel again and repeats the call. It clears the interrupt of the thread it catches, so Vidgate's loops
     * stop on their own flags, not on the interrupt alone.
     */
    static String withRetryOnInterrupt(String url) {
        String location = url.substring("jdbc:h2:".length());
        if (NOT_A_FILE.matcher(location).matches() || location.regionMatches(true, 0, "retry:", 0, 6)) return url;
        return "jdbc:h2:retry:" + location;
    }

    /** The directory of an embedded H2 file database ({@code jdbc:h2:[file:]path;...}), or empty for any other URL. */
    static Optional<Path> databaseDir(String url) {
        if (!JdbcUrls.isH2(url)) return Optional.empty();
        String location = url.substring("jdbc:h2:".length());
        int settings = location.indexOf(';');
        if (settings >= 0) location = location.substring(0, settings);
        if (NOT_A_FILE.matcher(location).matches()) return Optional.empty();
        // file:, nio:, or a test file system's prefix: the path follows the last prefix.
        location = location.replaceFirst("^(?:[A-Za-z]{2,}:)+", "");
        if (location.isBlank()) return Optional.empty();
        Path parent = Path.of(location).toAbsolutePath().getParent();
        return Optional.ofNullable(parent);
    }

    /**
     * Tells the pool to drop a connection whose H2 database was closed by a failed write (or reports an I/O error),
     * instead of handing it out again: H2 reopens the database for the next new connection.
     */
    public static final class BrokenH2Connections implements SQLExceptionOverride {
        /** General error (a failed store write), I/O errors, database closed, closing at shutdown. */
        private static final Set<Integer> CODES = Set.of(50000, 90028, 90031, 90098, 90121);

        @java.lang.Override
        public Override adjudicate(SQLException e) {
            return CODES.contains(e.getErrorCode()) && e.getClass().getName().startsWith("org.h2.")
                    ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
        }
    }
}
