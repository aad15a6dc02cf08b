package org.hotline12345.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Pauses signing in where passwords are being guessed: after {@code failuresPerUser} wrong passwords for one user name,
 * or {@code failuresPerAddress} from one client address, within {@code pause}, the sign-in form answers 429 with the
 * form and how long to wait, without trying the password, until the oldest of those failures is older than
 * {@code pause}. A successful sign-in forgets the user name's failures, not the address's.
 */
final class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    /** Past this many names and addresses, those without a recent failure are forgotten. */
    private static final int PRUNE_ABOVE = 10_000;

    private final int failuresPerUser;
    private final int failuresPerAddress;
    private final Duration pause;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    SignInThrottle(int failuresPerUser, int failuresPerAddress, Duration pause, Clock clock) {
        this.failuresPerUser = failuresPerUser;
        this.failuresPerAddress = failuresPerAddress;
        this.pause = pause;
        this.clock = clock;
    }

    /** How long {@code username} from {@code address} must wait before trying again; empty when they may try now. */
    Optional<Duration> timeToWait(String username, String address) {
        Instant now = clock.instant();
        return longest(waitFor(userKey(username), failuresPerUser, now), waitFor(addressKey(address),
                failuresPerAddress, now));
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        record(userKey(username), now);
        record(addressKey(address), now);
        if (failures.size() > PRUNE_ABOVE) {
            failures.entrySet().removeIf(entry -> {
                synchronized (entry.getValue()) {
                    return recent(entry.getValue(), now).isEmpty();
                }
            });
        }
    }

    void succeeded(String username) {
        failures.remove(userKey(username));
    }

    /** Stops a sign-in that must wait with 429, before the password is checked. */
    OncePerRequestFilter filter(LoginPage form) {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !"POST".equals(request.getMethod()) || !"/login".equals(request.getServletPath());
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                Optional<Duration> wait = timeToWait(request.getParameter("username"), request.getRemoteAddr());
                if (wait.isEmpty()) {
                    chain.doFilter(request, response);
                    return;
                }
                long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
                // the user name is the stranger's own words: not written to the log
                log.warn("Sign-in from {} refused: too many failed sign-ins for its user name or from its address, "
                        + "{} minutes to wait", request.getRemoteAddr(), minutes);
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.get().toSeconds())));
                response.setContentType(MediaType.TEXT_HTML_VALUE);
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write(form.throttled(request, minutes));
            }
        };
    }

    /** Counts a wrong password, then answers as the form does. */
    AuthenticationFailureHandler countingFailures(String failureUrl) {
        SimpleUrlAuthenticationFailureHandler form = new SimpleUrlAuthenticationFailureHandler(failureUrl);
        return (request, response, exception) -> {
            failed(request.getParameter("username"), request.getRemoteAddr());
            form.onAuthenticationFailure(request, response, exception);
        };
    }

    /** Forgets the user name's failures, then goes back where the sign-in started, as the form does. */
    AuthenticationSuccessHandler forgettingFailures() {
        SavedRequestAwareAuthenticationSuccessHandler form = new SavedRequestAwareAuthenticationSuccessHandler();
        return (request, response, authentication) -> {
            succeeded(authentication.getName());
            form.onAuthenticationSuccess(request, response, authentication);
        };
    }

    private Optional<Duration> waitFor(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            Deque<Instant> recent = recent(times, now);
            return recent.size() < limit ? Optional.empty()
                    : Optional.of(Duration.between(now, recent.peekFirst().plus(pause)));
        }
    }

    private void record(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            recent(times, now).addLast(now);
        }
    }

    /** Drops the failures older than the pause from {@code times}, oldest first, and returns it. */
    private Deque<Instant> recent(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(pause).isAfter(now)) {
            times.pollFirst();
        }
        return times;
    }

    private static Optional<Duration> longest(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() || a.get().compareTo(b.get()) >= 0 ? a : b;
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
