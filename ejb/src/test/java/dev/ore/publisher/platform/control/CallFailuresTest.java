package dev.ore.publisher.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class CallFailuresTest {

    @Test
    void aBrokenConnectionIsAmbiguousAndNamesItsCausesButNotTheirMessages() {
        ProcessingException failure = new ProcessingException("RESTEASY004655: Unable to invoke request",
                new IOException("https://graph.facebook.com/v21.0/1/feed?access_token=secret",
                        new SocketException("Connection reset")));

        PublishOutcome outcome = CallFailures.toOutcome(new CompletionException(failure), Instant.now());

        assertThat(outcome).isEqualTo(new PublishOutcome.Retryable("connection_error",
                "the connection to the platform failed (IOException < SocketException)", null, true));
        assertThat(outcome.toString()).doesNotContain("secret").doesNotContain("graph.facebook.com");
    }

    @Test
    void aRefusedConnectionSentNothing() {
        PublishOutcome outcome = CallFailures.toOutcome(
                new ProcessingException(new ConnectException("Connection refused")), Instant.now());

        assertThat(outcome).isEqualTo(new PublishOutcome.Retryable("connection_failed",
                "could not connect to the platform", null, false));
    }

    @Test
    void aFailureWithoutCauseIsNamedByItself() {
        assertThat(CallFailures.causes(new ProcessingException("gone"))).isEqualTo("ProcessingException");
    }
}
