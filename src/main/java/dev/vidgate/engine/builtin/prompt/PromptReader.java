package dev.vidgate.engine.builtin.prompt;

import dev.vidgate.engine.builtin.prompt.PromptDirection.Ambience;
import dev.vidgate.engine.builtin.prompt.PromptDirection.Connector;
import dev.vidgate.engine.builtin.prompt.PromptDirection.Life;
import dev.vidgate.engine.builtin.prompt.PromptDirection.Look;
import dev.vidgate.engine.builtin.prompt.PromptDirection.Meaning;
import dev.vidgate.engine.builtin.prompt.PromptDirection.MoveKind;
import dev.vidgate.engine.builtin.prompt.PromptDirection.Pace;
import dev.vidgate.engine.builtin.prompt.PromptDirection.SceneKind;
import dev.vidgate.engine.builtin.prompt.PromptDirection.Tint;
import dev.vidgate.engine.builtin.prompt.PromptDirection.TimeOfDay;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a prompt (any language, any length) into a {@link PromptDirection} using the {@link Vocabulary}.
 * Unknown words are ignored, so every prompt gives a direction. Time is linear in the prompt length.
 *
 * <p>Rules: moves happen in the order written; a move joined to the previous one by "and", "while",
 * "同时"... starts together with it, otherwise it follows it. Pace words ("slow", "缓慢") change the
 * nearest move in the same sentence, or the whole clip when there is no move. "no", "without", "没有"
 * cancel the look, sound or scene right after them. The first scene word decides the scene.
 */
public final class PromptReader {
    /** How many words after "no" still count as negated ("no heavy rain"). */
    private static final int NEGATION_REACH = 3;
    /** How many words after "and", "while"... a move still starts together with the previous one. */
    private static final int TOGETHER_REACH = 4;
    private static final double MIN_STRENGTH = 0.25;
    private static final double MAX_STRENGTH = 4;

    private PromptReader() {}

    /** One recognised term: where it is (in words and CJK characters from the start) and what it means. */
    private record Match(int position, int sentence, List<Meaning> meanings) {}

    private record PlacedMove(MoveKind kind, int step, int position, int sentence) {}

    public static PromptDirection read(String prompt) {
        return reading(prompt).direction();
    }

    /** The prompt's direction, and the words it holds that the vocabulary does not know, in order. */
    public static PromptReading reading(String prompt) {
        Reading reading = new Reading();
        List<String> ignored = new ArrayList<>();
        for (Match m : scan(prompt == null ? "" : prompt, ignored)) reading.take(m);
        return new PromptReading(reading.direction(), ignored);
    }

    /** The state of reading one prompt, term by term. */
    private static final class Reading {
        final List<PlacedMove> moves = new ArrayList<>();
        final List<Match> paces = new ArrayList<>();
        final Set<Look> looks = EnumSet.noneOf(Look.class);
        final Set<Ambience> sounds = EnumSet.noneOf(Ambience.class);
        final Set<Life> life = EnumSet.noneOf(Life.class);
        SceneKind scene;
        TimeOfDay time;
        double hue = Double.NaN;
        boolean silent;
        int step;
        int togetherAt = -1;
        int sentence;
        int negatedUntil = -1;

        void take(Match m) {
            boolean negated = m.position() <= negatedUntil;
            if (m.sentence() != sentence) {
                sentence = m.sentence();
                togetherAt = -1;
            }
            boolean moved = false;
            for (Meaning meaning : m.meanings()) {
                switch (meaning) {
                    case Connector c -> connector(c, m);
                    case MoveKind kind -> {
                        if (!negated && !moved) move(kind, m);
                        moved = true;
                    }
                    case Pace p -> paces.add(m);
                    case Look look -> {
                        if (!negated) looks.add(look);
                    }
                    case Ambience sound -> {
                        if (!negated) sounds.add(sound);
                    }
                    case SceneKind kind -> {
                        if (!negated && scene == null) scene = kind;
                    }
                    case TimeOfDay t -> {
                        if (time == null) time = t;
                    }
                    case Life l -> {
                        if (!negated) life.add(l);
                    }
                    case Tint tint -> {
                        if (Double.isNaN(hue)) hue = tint.hue;
                    }
                }
            }
            if (negated && !m.meanings().contains(Connector.NOT)) negatedUntil = -1;
        }

        private void connector(Connector c, Match m) {
            switch (c) {
                case NOT -> negatedUntil = m.position() + NEGATION_REACH;
                case SILENCE -> silent = true;
                case THEN -> togetherAt = -1;
                case TOGETHER -> togetherAt = moves.isEmpty() ? -1 : m.position();
            }
        }

        private void move(MoveKind kind, Match m) {
            boolean together = togetherAt >= 0 && m.position() - togetherAt <= TOGETHER_REACH;
            if (!moves.isEmpty() && !together) step++;
            moves.add(new PlacedMove(kind, step, m.position(), m.sentence()));
            togetherAt = -1;
        }

        PromptDirection direction() {
            double[] strengths = new double[moves.size()];
            java.util.Arrays.fill(strengths, 1);
            double globalPace = 1;
            for (Match p : paces) {
                double factor = p.meanings().stream().filter(x -> x instanceof Pace).mapToDouble(x -> ((Pace) x).factor).findFirst().orElse(1);
                int nearest = nearestMove(moves, p);
                if (nearest >= 0) strengths[nearest] *= factor;
                globalPace *= factor;
            }
            List<CameraMove> placed = new ArrayList<>(moves.size());
            for (int i = 0; i < moves.size(); i++) {
                double s = Math.max(MIN_STRENGTH, Math.min(MAX_STRENGTH, strengths[i]));
                placed.add(new CameraMove(moves.get(i).kind(), s, moves.get(i).step()));
            }
            double pace = paces.isEmpty() ? 1 : Math.max(0.3, Math.min(3, Math.pow(globalPace, 1.0 / paces.size())));
            if (silent) sounds.clear();
            return new PromptDirection(placed, looks, scene == null ? SceneKind.ABSTRACT : scene, sounds, silent, hue, time, pace, life);
        }
    }

    /** The index of the move in the same sentence closest to {@code pace}, or -1. */
    private static int nearestMove(List<PlacedMove> moves, Match pace) {
        int best = -1;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < moves.size(); i++) {
            PlacedMove move = moves.get(i);
            if (move.sentence() != pace.sentence()) continue;
            int d = Math.abs(move.position() - pace.position());
            if (d < bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Finds vocabulary terms in order; at each place the longest term wins. */
    private static List<Match> scan(String prompt, List<String> ignored) {
        String text = Normalizer.normalize(prompt, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<Match> matches = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<Integer> wordPositions = new ArrayList<>();
        int position = 0;
        int sentence = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            if (isHan(cp)) {
                flushWords(words, wordPositions, sentence, matches, ignored);
                int end = i;
                while (end < n && isHan(text.codePointAt(end))) end += Character.charCount(text.codePointAt(end));
                position = matchChinese(text.substring(i, end), position, sentence, matches, ignored);
                i = end;
            } else if (Character.isLetterOrDigit(cp)) {
                int end = i;
                while (end < n) {
                    int c = text.codePointAt(end);
                    if (!Character.isLetterOrDigit(c) || isHan(c)) break;
                    end += Character.charCount(c);
                }
                words.add(text.substring(i, end));
                wordPositions.add(position++);
                i = end;
            } else {
                if (endsSentence(cp)) {
                    flushWords(words, wordPositions, sentence, matches, ignored);
                    sentence++;
                }
                i += len;
            }
        }
        flushWords(words, wordPositions, sentence, matches, ignored);
        return matches;
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    private static boolean endsSentence(int cp) {
        return cp == '.' || cp == '!' || cp == '?' || cp == ';' || cp == '\n' || cp == '。' || cp == '！' || cp == '？' || cp == '；';
    }

    /** Matches the pending run of English words (longest phrase first) and clears it. */
    private static void flushWords(List<String> words, List<Integer> positions, int sentence, List<Match> out, List<String> ignored) {
        int w = 0;
        while (w < words.size()) {
            int taken = 0;
            List<Meaning> meanings = null;
            StringBuilder phrase = new StringBuilder();
            for (int len = 1; len <= Vocabulary.LONGEST_ENGLISH && w + len <= words.size(); len++) {
                if (len > 1) phrase.append(' ');
                phrase.append(words.get(w + len - 1));
                List<Meaning> found = Vocabulary.ENGLISH.get(phrase.toString());
                if (found != null) {
                    taken = len;
                    meanings = found;
                }
            }
            if (meanings != null) {
                out.add(new Match(positions.get(w), sentence, meanings));
                w += taken;
            } else {
                ignored.add(words.get(w));
                w++;
            }
        }
        words.clear();
        positions.clear();
    }

    /** Matches a run of Han characters (longest term first); returns the next position. */
    private static int matchChinese(String run, int position, int sentence, List<Match> out, List<String> ignored) {
        int i = 0;
        int unknownFrom = -1;
        while (i < run.length()) {
            int taken = 0;
            List<Meaning> meanings = null;
            for (int len = Math.min(Vocabulary.LONGEST_CHINESE, run.length() - i); len >= 1; len--) {
                List<Meaning> found = Vocabulary.CHINESE.get(run.substring(i, i + len));
                if (found != null) {
                    taken = len;
                    meanings = found;
                    break;
                }
            }
            if (meanings != null) {
                if (unknownFrom >= 0) ignored.add(run.substring(unknownFrom, i));
                unknownFrom = -1;
                out.add(new Match(position + i, sentence, meanings));
                i += taken;
            } else {
                if (unknownFrom < 0) unknownFrom = i;
                i++;
            }
        }
        if (unknownFrom >= 0) ignored.add(run.substring(unknownFrom));
        return position + run.length();
    }
}
