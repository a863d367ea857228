package dev.vidgate.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of one category, compiled: what blocks and what excuses a block (a near miss). English terms match whole
 * words (punctuation and spacing aside, with an optional plural or possessive ending), terms with Chinese characters
 * match anywhere, and {@code ~} lines are regexes; a block counts unless an allow rule's match covers it.
 */
final class RuleSet {
    private final Matchers block;
    private final Matchers allow;

    private RuleSet(Matchers block, Matchers allow) {
        this.block = block;
        this.allow = allow;
    }

    /**
     * Reads rule lines (see {@code policy/README.txt}).
     *
     * @param where names the source in errors, such as the file
     */
    static RuleSet parse(List<String> lines, String where) {
        var block = new Matchers();
        var allow = new Matchers();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            boolean allowing = line.startsWith("!");
            String rule = allowing ? line.substring(1).strip() : line;
            (allowing ? allow : block).add(rule, where + " line " + (i + 1));
        }
        return new RuleSet(block, allow);
    }

    /** This set with {@code more}'s rules added. */
    RuleSet and(RuleSet more) {
        return new RuleSet(block.and(more.block), allow.and(more.allow));
    }

    /** Whether a text ({@link Normalizer normalized}, in {@link Words}) breaks a rule that no allow rule excuses. */
    boolean blocks(Words text) {
        List<int[]> found = block.spans(text);
        if (found.isEmpty()) return false;
        List<int[]> excused = allow.spans(text);
        for (int[] f : found) {
            if (excused.stream().noneMatch(s -> s[0] <= f[0] && f[1] <= s[1])) return true;
        }
        return false;
    }

    /** The words of a normalized text: runs of letters and digits other than Chinese characters, with their positions. */
    record Words(String text, List<String> words, int[] starts, int[] ends) {
        private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}&&[^\\p{IsHan}]]+");

        static Words of(String normalized) {
            var words = new ArrayList<String>();
            var starts = new ArrayList<Integer>();
            var ends = new ArrayList<Integer>();
            Matcher m = WORD.matcher(normalized);
            while (m.find()) {
                words.add(m.group());
                starts.add(m.start());
                ends.add(m.end());
            }
            return new Words(normalized, words, starts.stream().mapToInt(Integer::intValue).toArray(),
                    ends.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /** English terms by their words (joined by one space), Chinese terms, and regexes. */
    private static final class Matchers {
        private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
        private final Set<String> terms = new HashSet<>();
        private final List<String> han = new ArrayList<>();
        private final List<Pattern> regexes = new ArrayList<>();
        private int longest;

        void add(String rule, String where) {
            if (rule.startsWith("~")) {
                try {
                    regexes.add(Pattern.compile(rule.substring(1).strip(), FLAGS));
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw new IllegalArgumentException(where + ": not a valid pattern: " + e.getDescription());
                }
                return;
            }
            String term = Normalizer.normalize(rule);
            if (HAN.matcher(term).find()) {
                han.add(term.replaceAll("\\s+", ""));
                return;
            }
            List<String> words = Words.of(term).words();
            if (words.isEmpty()) throw new IllegalArgumentException(where + ": a term needs a letter or digit");
            terms.add(String.join(" ", words));
            longest = Math.max(longest, words.size());
        }

        Matchers and(Matchers more) {
            var both = new Matchers();
            both.terms.addAll(terms);
            both.terms.addAll(more.terms);
            both.han.addAll(han);
            both.han.addAll(more.han);
            both.regexes.addAll(regexes);
            both.regexes.addAll(more.regexes);
            both.longest = Math.max(longest, more.longest);
            return both;
        }

        /** Where the rules match. */
        List<int[]> spans(Words text) {
            var spans = new ArrayList<int[]>();
            List<String> words = text.words();
            for (int i = 0; i < words.size(); i++) {
                var joined = new StringBuilder();
                for (int n = 0; n < longest && i + n < words.size(); n++) {
                    if (n > 0) joined.append(' ');
                    joined.append(words.get(i + n));
                    if (matchesTerm(joined)) {
                        spans.add(new int[]{text.starts()[i], text.ends()[i + n]});
                    }
                }
            }
            for (String term : han) {
                for (int at = text.text().indexOf(term); at >= 0; at = text.text().indexOf(term, at + 1)) {
                    spans.add(new int[]{at, at + term.length()});
                }
            }
            for (Pattern regex : regexes) {
                Matcher m = regex.matcher(text.text());
                while (m.find()) {
                    spans.add(new int[]{m.start(), m.end()});
                }
            }
            return spans;
        }

        /** The words as a term, or as a term with a plural or possessive ending ({@code s}, {@code es}). */
        private boolean matchesTerm(StringBuilder words) {
            String w = words.toString();
            if (terms.contains(w)) return true;
            if (w.endsWith("es") && terms.contains(w.substring(0, w.length() - 2))) return true;
            return w.endsWith("s") && terms.contains(w.substring(0, w.length() - 1));
        }
    }
}
