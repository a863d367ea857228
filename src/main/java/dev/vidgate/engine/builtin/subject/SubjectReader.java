package dev.vidgate.engine.builtin.subject;

import dev.vidgate.engine.builtin.prompt.PromptReader;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the subjects of a prompt (English and Chinese), the verbs that move them, who rides what, and the nouns it
 * cannot draw. Time is linear in the prompt length; at most {@link #MAX_ACTORS} subjects are drawn.
 *
 * <p>Rules: a subject word (singular or plural, "cat", "cats", "猫") is drawn; a plural or a number word before it
 * ("two", "three", "一群") draws several. A verb moves the nearest subject before it in the same sentence, else the
 * next one. A subject that can ride followed, within a few words, by a ride word ("on", "riding", "骑着", "在") and
 * something that carries ("a motorcycle", "a horse") rides it: the two move together, driving by default. An unknown
 * word heading a noun phrase ("a zorblax", "一只佐布拉克斯") is a noun the renderer did not draw.
 */
public final class SubjectReader {
    static final int MAX_ACTORS = 4;
    private static final int RIDE_REACH = 5;
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "some", "one", "two", "three", "four", "five", "many",
            "several", "my", "his", "her", "their", "our", "your", "another", "this", "that", "these", "those");
    /** Nouns about the clip itself rather than something in it. */
    private static final Set<String> NOT_SUBJECTS = Set.of("video", "clip", "shot", "scene", "picture", "image", "photo", "view",
            "footage", "animation", "style", "close", "closeup", "frame", "sequence", "moment", "day", "way", "lot", "bit");
    private static final Set<String> ADJECTIVES = Set.of("cool", "cute", "big", "small", "little", "tiny", "huge", "giant", "old",
            "young", "happy", "sad", "beautiful", "pretty", "fluffy", "lonely", "white", "black", "brown", "grey", "gray", "dark",
            "light", "bright", "tall", "short", "long", "wild", "lazy", "brave", "strange", "mysterious", "fat", "thin", "new",
            "ancient", "majestic", "playful", "sleepy", "angry", "funny", "friendly", "shiny", "wet", "dry", "hot", "cold", "vintage");
    private static final Set<String> ENGLISH_STOPS = Set.of("in", "at", "of", "by", "to", "with", "and", "on", "under", "over",
            "near", "past", "through", "across", "along", "from", "while", "as", "then", "into", "onto", "around");
    private static final String MEASURE_WORDS = "只个条头匹辆架艘棵朵座位群名把张台颗";
    private static final String CHINESE_STOPS = "在和的上里中正从向跟与着了是,，。";

    private enum Type { SUBJECT, VERB, RIDE, DETERMINER, WORD }

    private record Token(Type type, String text, int sentence, Subject subject, boolean plural, Action action, boolean chinese) {
        static Token word(String text, int sentence, boolean chinese) {
            return new Token(Type.WORD, text, sentence, null, false, null, chinese);
        }
    }

    private final SubjectCatalog catalog;

    public SubjectReader(SubjectCatalog catalog) {
        this.catalog = catalog;
    }

    /** The subjects {@code prompt} names, how they move, and the nouns not drawn. */
    public Cast read(String prompt) {
        List<Token> tokens = tokens(prompt == null ? "" : prompt);
        List<Cast.Actor> actors = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        Set<String> drawn = new LinkedHashSet<>();
        boolean[] riding = new boolean[tokens.size()];
        for (int i = 0; i < tokens.size() && actors.size() < MAX_ACTORS; i++) {
            Token t = tokens.get(i);
            if (t.type() != Type.SUBJECT || riding[i]) continue;
            int mount = mountOf(tokens, i);
            drawn.add(t.text());
            if (mount >= 0) {
                riding[mount] = true;
                Token m = tokens.get(mount);
                drawn.add(m.text());
                drawn.add(rideWord(tokens, i, mount));
                Cast.Actor rider = new Cast.Actor(t.subject(), t.text(), 1, Action.IDLE, null);
                actors.add(new Cast.Actor(m.subject(), m.text(), 1, defaultCarry(m.subject()), rider));
            } else {
                actors.add(new Cast.Actor(t.subject(), t.text(), count(tokens, i), Action.IDLE, null));
            }
            at.add(i);
        }
        applyVerbs(tokens, actors, at, drawn);
        drawn.remove(null);
        List<String> unknown = PromptReader.reading(prompt).ignored();
        return new Cast(actors, notDrawn(tokens).stream().filter(w -> unknown.stream().anyMatch(u -> u.contains(w))).toList(), drawn);
    }

    private static Action defaultCarry(Subject mount) {
        return switch (mount.kind()) {
            case BOAT -> Action.SWIM;
            case ANIMAL -> Action.WALK;
            default -> Action.DRIVE;
        };
    }

    /** The token index of what the subject at {@code i} rides, or -1. */
    private static int mountOf(List<Token> tokens, int i) {
        Token rider = tokens.get(i);
        if (!rider.subject().kind().rides()) return -1;
        boolean ride = false;
        for (int j = i + 1; j < tokens.size() && j <= i + RIDE_REACH; j++) {
            Token t = tokens.get(j);
            if (t.sentence() != rider.sentence()) return -1;
            if (t.type() == Type.RIDE || t.type() == Type.VERB && t.action() == Action.DRIVE) ride = true;
            else if (t.type() == Type.SUBJECT) {
                boolean carries = t.subject().kind().carries() && t.subject() != rider.subject();
                boolean onAnimal = t.subject().kind() == Subject.Kind.ANIMAL && rider.subject().kind() == Subject.Kind.ANIMAL;
                return ride && carries && !onAnimal ? j : -1;
            }
        }
        return -1;
    }

    private static String rideWord(List<Token> tokens, int from, int to) {
        for (int j = from + 1; j < to; j++) if (tokens.get(j).type() == Type.RIDE || tokens.get(j).type() == Type.VERB) return tokens.get(j).text();
        return null;
    }

    private static int count(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        int n = t.plural() ? 3 : 1;
        if (i > 0) {
            String before = tokens.get(i - 1).text();
            n = switch (before) {
                case "two", "两", "二" -> 2;
                case "three", "三", "several", "many", "some", "群", "一群", "些" -> 3;
                default -> n;
            };
        }
        return n;
    }

    /** Each verb moves the nearest actor before it in its sentence, else the next one; a rider's verb moves its mount. */
    private static void applyVerbs(List<Token> tokens, List<Cast.Actor> actors, List<Integer> at, Set<String> drawn) {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.type() != Type.VERB) continue;
            int best = -1;
            for (int a = 0; a < at.size(); a++) {
                Token s = tokens.get(at.get(a));
                if (s.sentence() != t.sentence()) continue;
                if (at.get(a) < i) best = a;
                else if (best < 0) best = a;
            }
            if (best < 0) continue;
            Cast.Actor actor = actors.get(best);
            if (actor.action() == Action.IDLE || actor.rider() != null && actor.action() == defaultCarry(actor.subject())) {
                Action action = actor.rider() != null && t.action() != Action.JUMP && t.action() != Action.FLY
                        ? defaultCarry(actor.subject()) : t.action();
                actors.set(best, actor.moving(action));
            }
            drawn.add(t.text());
        }
    }

    /** Unknown words heading a noun phrase: after a determiner, the first one that is not an adjective. */
    private static List<String> notDrawn(List<Token> tokens) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean opens = t.type() == Type.DETERMINER;
            if (!opens) continue;
            for (int j = i + 1; j < tokens.size(); j++) {
                Token w = tokens.get(j);
                if (w.type() != Type.WORD || w.sentence() != t.sentence()) break;
                if (w.chinese()) {
                    if (!w.text().isEmpty()) out.add(w.text());
                    break;
                }
                if (ENGLISH_STOPS.contains(w.text()) || NOT_SUBJECTS.contains(w.text())) break;
                if (!isAdjective(w.text()) && !w.text().chars().allMatch(Character::isDigit)) {
                    out.add(w.text());
                    break;
                }
            }
        }
        return List.copyOf(out);
    }

    private static boolean isAdjective(String w) {
        return ADJECTIVES.contains(w) || w.endsWith("ing") || w.endsWith("ly") || w.endsWith("ed") || w.endsWith("ful")
                || w.endsWith("ous") || w.endsWith("ive") || w.endsWith("ish") || w.endsWith("est") || w.endsWith("y") && w.length() > 4;
    }

    // ---- tokens

    private List<Token> tokens(String prompt) {
        String text = Normalizer.normalize(prompt, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<Token> out = new ArrayList<>();
        List<String> words = new ArrayList<>();
        int sentence = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (isHan(cp)) {
                englishTokens(words, sentence, out);
                int end = i;
                while (end < text.length() && isHan(text.codePointAt(end))) end += Character.charCount(text.codePointAt(end));
                chineseTokens(text.substring(i, end), sentence, out);
                i = end;
            } else if (Character.isLetterOrDigit(cp)) {
                int end = i;
                while (end < text.length() && Character.isLetterOrDigit(text.codePointAt(end)) && !isHan(text.codePointAt(end))) {
                    end += Character.charCount(text.codePointAt(end));
                }
                words.add(text.substring(i, end));
                i = end;
            } else {
                if (".!?;\n。！？；".indexOf(cp) >= 0) {
                    englishTokens(words, sentence, out);
                    sentence++;
                }
                i += Character.charCount(cp);
            }
        }
        englishTokens(words, sentence, out);
        return out;
    }

    private void englishTokens(List<String> words, int sentence, List<Token> out) {
        int w = 0;
        while (w < words.size()) {
            SubjectCatalog.Word found = null;
            int taken = 0;
            StringBuilder phrase = new StringBuilder();
            for (int len = 1; len <= catalog.longestEnglish() && w + len <= words.size(); len++) {
                if (len > 1) phrase.append(' ');
                phrase.append(words.get(w + len - 1));
                SubjectCatalog.Word word = catalog.english(phrase.toString());
                if (word != null) {
                    found = word;
                    taken = len;
                }
            }
            String word = words.get(w);
            if (found != null) {
                out.add(new Token(Type.SUBJECT, String.join(" ", words.subList(w, w + taken)), sentence, found.subject(), found.plural(), null, false));
                w += taken;
                continue;
            }
            if (Verbs.RIDE_ENGLISH.contains(word) && !Verbs.ENGLISH.containsKey(word)) out.add(new Token(Type.RIDE, word, sentence, null, false, null, false));
            else if (Verbs.ENGLISH.containsKey(word)) out.add(new Token(Type.VERB, word, sentence, null, false, Verbs.ENGLISH.get(word), false));
            else if (DETERMINERS.contains(word)) out.add(new Token(Type.DETERMINER, word, sentence, null, false, null, false));
            else out.add(Token.word(word, sentence, false));
            w++;
        }
        words.clear();
    }

    private void chineseTokens(String run, int sentence, List<Token> out) {
        int i = 0;
        StringBuilder unknown = new StringBuilder();
        while (i < run.length()) {
            int taken = 0;
            Token found = null;
            for (int len = Math.min(Math.max(catalog.longestChinese(), Verbs.LONGEST_CHINESE), run.length() - i); len >= 1 && found == null; len--) {
                String term = run.substring(i, i + len);
                Subject s = catalog.chinese(term);
                if (s != null) found = new Token(Type.SUBJECT, term, sentence, s, false, null, true);
                else if (Verbs.RIDE_CHINESE.contains(term)) found = new Token(Type.RIDE, term, sentence, null, false, null, true);
                else if (Verbs.CHINESE.containsKey(term)) found = new Token(Type.VERB, term, sentence, null, false, Verbs.CHINESE.get(term), true);
                else if (len == 1 && MEASURE_WORDS.indexOf(term.charAt(0)) >= 0) found = new Token(Type.DETERMINER, term, sentence, null, false, null, true);
                else if (len == 1 && CHINESE_STOPS.indexOf(term.charAt(0)) >= 0) found = Token.word("", sentence, true);
                if (found != null) taken = len;
            }
            if (found == null) {
                unknown.append(run.charAt(i));
                i++;
                continue;
            }
            if (!unknown.isEmpty()) out.add(Token.word(unknown.toString(), sentence, true));
            unknown.setLength(0);
            if (found.type() == Type.RIDE && found.text().equals("在") && !nextIsCarrier(run, i + taken)) found = Token.word("", sentence, true);
            out.add(found);
            i += taken;
        }
        if (!unknown.isEmpty()) out.add(Token.word(unknown.toString(), sentence, true));
    }

    /** "在" is a ride word only right before something that carries ("在摩托车上"). */
    private boolean nextIsCarrier(String run, int from) {
        for (int len = Math.min(catalog.longestChinese(), run.length() - from); len >= 1; len--) {
            Subject s = catalog.chinese(run.substring(from, from + len));
            if (s != null) return s.kind().carries() && s.kind() != Subject.Kind.ANIMAL;
        }
        return false;
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }
}
