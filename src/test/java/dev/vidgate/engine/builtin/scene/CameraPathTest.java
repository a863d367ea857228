package dev.vidgate.engine.builtin.scene;

import dev.vidgate.engine.builtin.prompt.CameraMove;
import dev.vidgate.engine.builtin.prompt.PromptDirection.MoveKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CameraPathTest {
    private static final int FRAMES = 96;

    private static CameraPath path(boolean coverage, CameraMove... moves) {
        return new CameraPath(List.of(moves), FRAMES, coverage);
    }

    private static CameraMove move(MoveKind kind) {
        return new CameraMove(kind, 1, 0);
    }

    @ParameterizedTest
    @EnumSource(MoveKind.class)
    void everyMoveStartsFromTheFirstFrameAsShot(MoveKind kind) {
        assertEquals(CameraView.IDENTITY, path(true, move(kind)).view(0));
    }

    @ParameterizedTest
    @EnumSource(value = MoveKind.class, names = {"PAN_LEFT", "PAN_RIGHT", "TILT_UP", "TILT_DOWN", "ORBIT", "PUSH_IN", "DOLLY_IN"})
    void panningAPictureNeverLooksBeyondItsEdges(MoveKind kind) {
        CameraPath p = path(true, new CameraMove(kind, 3, 0));
        for (int i = 0; i < FRAMES; i++) {
            CameraView v = p.view(i);
            assertTrue(v.reachX() <= 0.5 + 1e-9, kind + " frame " + i + " reaches x " + v.reachX());
            assertTrue(v.reachY() <= 0.5 + 1e-9, kind + " frame " + i + " reaches y " + v.reachY());
        }
    }

    @Test
    void aPullOutLooksBeyondThePictureAndSaysHowFar() {
        CameraPath p = path(true, move(MoveKind.PULL_OUT));
        assertTrue(p.view(FRAMES - 1).zoom() < 1);
        assertTrue(p.reach()[0] > 0.5 && p.reach()[1] > 0.5);
    }

    @Test
    void aSteadyMoveProgressesMonotonicallyAndEasesAtBothEnds() {
        CameraPath p = path(true, move(MoveKind.PUSH_IN));
        double previous = 1;
        double firstStep = p.view(1).zoom() - 1;
        double middleStep = p.view(FRAMES / 2 + 1).zoom() - p.view(FRAMES / 2).zoom();
        for (int i = 1; i < FRAMES; i++) {
            double zoom = p.view(i).zoom();
            assertTrue(zoom >= previous, "zoom went back at frame " + i);
            previous = zoom;
        }
        assertTrue(firstStep < middleStep / 10, "eased start: " + firstStep + " vs " + middleStep);
    }

    @Test
    void sequencedMovesTakeTurns() {
        CameraPath p = path(true, new CameraMove(MoveKind.PUSH_IN, 1, 0), new CameraMove(MoveKind.PAN_RIGHT, 1, 1));
        CameraView half = p.view(FRAMES / 2 - 1);
        CameraView end = p.view(FRAMES - 1);
        assertTrue(half.zoom() > 1.1, "pushed in during the first half: " + half);
        assertEquals(0, half.offsetX(), 1e-6, "no pan before its turn");
        assertTrue(end.offsetX() > 0.03, "panned right in the second half: " + end);
    }

    @Test
    void strongerWordsMoveFurther() {
        double gentle = path(true, new CameraMove(MoveKind.PAN_LEFT, 0.6, 0)).view(FRAMES - 1).offsetX();
        double dramatic = path(true, new CameraMove(MoveKind.PAN_LEFT, 2.2, 0)).view(FRAMES - 1).offsetX();
        assertTrue(dramatic < gentle && gentle < 0, gentle + " vs " + dramatic);
    }

    @Test
    void aStaticCameraStaysPut() {
        CameraPath p = path(true, move(MoveKind.STATIC));
        for (int i = 0; i < FRAMES; i++) assertEquals(CameraView.IDENTITY, p.view(i));
    }
}
