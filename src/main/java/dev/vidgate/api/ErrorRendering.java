package dev.vidgate.api;

import dev.vidgate.common.ApiException;
import dev.vidgate.common.Failures;
import dev.vidgate.common.TransientException;
import dev.vidgate.storage.StorageException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.io.IOException;

/** The one place where exceptions become HTTP responses, always in the OpenAI error envelope. */
@RestControllerAdvice
final class ErrorRendering {
    private static final Logger log = LoggerFactory.getLogger(ErrorRendering.class);

    @ExceptionHandler(ApiException.class)
    void api(ApiException e, HttpServletResponse response) throws IOException {
        write(response, e);
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    void noRoute(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(response, ContainerErrors.noRoute(request.getMethod(), request.getRequestURI()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    void method(HttpRequestMethodNotSupportedException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(response, ContainerErrors.methodNotAllowed(request.getMethod(), request.getRequestURI()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    void tooLarge(MaxUploadSizeExceededException e, HttpServletResponse response) throws IOException {
        write(response, ApiException.tooLarge("The request body is larger than this server accepts ("
                + RequestLimits.describe(RequestLimits.MAX_MULTIPART_BYTES) + " in all, "
                + RequestLimits.describe(RequestLimits.MAX_FILE_BYTES) + " per file).", null));
    }

    @ExceptionHandler(MultipartException.class)
    void badMultipart(MultipartException e, HttpServletResponse response) throws IOException {
        write(response, ApiException.invalid("The multipart/form-data body could not be parsed: "
                + Failures.rootMessage(e), null, "invalid_multipart"));
    }

    /** The container could not decode the query string (or a form body): a {@code %} not followed by two hex digits, or not UTF-8. */
    @ExceptionHandler(InvalidParameterException.class)
    void undecodableParameters(InvalidParameterException e, HttpServletResponse response) throws IOException {
        write(response, ApiException.invalid("The query string could not be decoded: every '%' must start a percent-encoded "
                + "UTF-8 byte such as %20.", null, "invalid_query_string"));
    }

    /** The container refuses a multipart file name holding a NUL character. */
    @ExceptionHandler(InvalidFileNameException.class)
    void badFileName(InvalidFileNameException e, HttpServletResponse response) throws IOException {
        write(response, ApiException.invalid("The multipart/form-data body could not be parsed: a file name contains a NUL "
                + "character.", null, "invalid_multipart"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    void mediaType(HttpMediaTypeNotSupportedException e, HttpServletResponse response) throws IOException {
        write(response, ApiException.invalid("Unsupported Content-Type; send application/json or multipart/form-data.", null, "unsupported_content_type"));
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    void badParameter(Exception e, HttpServletResponse response) throws IOException {
        String param = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        write(response, ApiException.invalid("Invalid value for query parameter '" + param + "'.", param, "invalid_value"));
    }

    /**
     * Includes the database being unreachable (restarting, failing over) or unable to write (a commit that failed
     * and could not be rolled back: a full disk): clients retry, as SDKs do on 503.
     */
    @ExceptionHandler({TransientException.class, StorageException.class, DataAccessResourceFailureException.class,
            TransientDataAccessException.class, RecoverableDataAccessException.class, TransactionSystemException.class})
    void transientFailure(RuntimeException e, HttpServletResponse response) throws IOException {
        log.warn("transient failure serving a request: {}", e.toString());
        write(response, new ApiException(503, "server_error", "The server is temporarily unable to serve this request; try again.",
                null, "service_unavailable", 1L));
    }

    @ExceptionHandler(Exception.class)
    void unexpected(Exception e, HttpServletResponse response) throws IOException {
        log.error("unexpected error serving a request", e);
        write(response, new ApiException(500, "server_error", "The server had an error while processing your request.",
                null, "internal_error", null));
    }

    void write(HttpServletResponse response, ApiException e) throws IOException {
        if (response.isCommitted()) return;
        response.resetBuffer();
        response.setStatus(e.status());
        response.setContentType("application/json");
        response.setHeader("Content-Range", null);
        response.setHeader("Accept-Ranges", null);
        if (e.retryAfterSeconds() != null) {
            response.setHeader("retry-after", Long.toString(e.retryAfterSeconds()));
        } else if (e.status() == 429) {
            // A 429 without a time to wait (an exhausted quota) will not pass by retrying: the official SDKs
            // honour this header and answer at once instead of retrying in vain.
            response.setHeader("x-should-retry", "false");
        }
        byte[] body = ContainerErrors.body(e);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

}
