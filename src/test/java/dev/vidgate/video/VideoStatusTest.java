package dev.vidgate.video;

import dev.vidgate.video.VideoStatus.Move;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Optional;

import static dev.vidgate.video.VideoStatus.CANCELLED;
import static dev.vidgate.video.VideoStatus.COMPLETED;
import static dev.vidgate.video.VideoStatus.FAILED;
import static dev.vidgate.video.VideoStatus.IN_PROGRESS;
import static dev.vidgate.video.VideoStatus.QUEUED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every cell of the one transition table, state by target: 25 cells, each stated once. */
class VideoStatusTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "QUEUED,      QUEUED,      -",
            "QUEUED,      IN_PROGRESS, CLAIM",
            "QUEUED,      COMPLETED,   -",
            "QUEUED,      FAILED,      FAIL",
            "QUEUED,      CANCELLED,   CANCEL",
            "IN_PROGRESS, QUEUED,      REQUEUE",
            "IN_PROGRESS, IN_PROGRESS, RECLAIM",
            "IN_PROGRESS, COMPLETED,   COMPLETE",
            "IN_PROGRESS, FAILED,      FAIL",
            "IN_PROGRESS, CANCELLED,   CANCEL",
            "COMPLETED,   QUEUED,      -",
            "COMPLETED,   IN_PROGRESS, -",
            "COMPLETED,   COMPLETED,   -",
            "COMPLETED,   FAILED,      -",
            "COMPLETED,   CANCELLED,   -",
            "FAILED,      QUEUED,      -",
            "FAILED,      IN_PROGRESS, -",
            "FAILED,      COMPLETED,   -",
            "FAILED,      FAILED,      -",
            "FAILED,      CANCELLED,   -",
            "CANCELLED,   QUEUED,      -",
            "CANCELLED,   IN_PROGRESS, -",
            "CANCELLED,   COMPLETED,   -",
            "CANCELLED,   FAILED,      -",
            "CANCELLED,   CANCELLED,   -",
    })
    void eachCellOfTheTableNamesItsMoveOrForbidsTheChange(VideoStatus from, VideoStatus to, String move) {
        Optional<Move> expected = move.equals("-") ? Optional.empty() : Optional.of(Move.valueOf(move));
        assertThat(from.moveTo(to)).isEqualTo(expected);
        assertThat(from.canBecome(to)).isEqualTo(expected.isPresent());
    }

    @Test
    void aClaimTakesQueuedJobsAndAReclaimOnlyInProgressOnes() {
        assertThat(VideoStatus.claimableFrom(Move.CLAIM)).containsExactly(QUEUED);
        assertThat(VideoStatus.claimableFrom(Move.RECLAIM)).containsExactly(IN_PROGRESS);
        assertThatThrownBy(() -> VideoStatus.claimableFrom(Move.CANCEL)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exactlyTheThreeEndStatesAreFinished() {
        for (VideoStatus s : VideoStatus.values()) {
            assertThat(s.isFinished()).as(s.name()).isEqualTo(EnumSet.of(COMPLETED, FAILED, CANCELLED).contains(s));
        }
    }

    @Test
    void wireNamesAreTheOpenAiOnesAndReadBack() {
        for (VideoStatus s : VideoStatus.values()) assertThat(VideoStatus.fromWire(s.wireName())).isEqualTo(s);
        assertThat(IN_PROGRESS.wireName()).isEqualTo("in_progress");
        assertThatThrownBy(() -> VideoStatus.fromWire("running")).isInstanceOf(IllegalArgumentException.class);
    }
}
