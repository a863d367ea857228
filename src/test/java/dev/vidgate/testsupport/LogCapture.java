package dev.vidgate.testsupport;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Everything the server logs from now on, through a Logback {@link ListAppender} on the root logger
 * (attached after the server started: Spring Boot resets Logback while it starts).
 */
public final class LogCapture implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture() {
        appender.start();
        root.addAppender(appender);
    }

    /** How many events there are so far: a mark for {@link #since}. */
    public int mark() {
        synchronized (appender) {
            return appender.list.size();
        }
    }

    public List<ILoggingEvent> since(int mark) {
        synchronized (appender) {
            return List.copyOf(appender.list.subList(mark, appender.list.size()));
        }
    }

    /** Whether some event so far says {@code text} (in its formatted message). */
    public boolean saw(String text) {
        return since(0).stream().anyMatch(e -> e.getFormattedMessage().contains(text));
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
