package dev.vidgate.engine.builtin.subject;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The verbs that move a subject, and the little words that put one subject on another, in English and Chinese. */
final class Verbs {
    static final Map<String, Action> ENGLISH = new HashMap<>();
    static final Map<String, Action> CHINESE = new HashMap<>();
    /** Words between a rider and what it rides: "a cat on a motorcycle", "a girl riding a horse", "一只猫骑着摩托车". */
    static final Set<String> RIDE_ENGLISH = Set.of("on", "onto", "riding", "rides", "ride", "rode", "atop", "astride", "aboard",
            "driving", "drives", "drive", "drove", "in", "inside", "sailing", "piloting", "pilots", "flying");
    static final Set<String> RIDE_CHINESE = Set.of("骑", "骑着", "坐在", "坐着", "开着", "驾驶", "驾驶着", "在", "乘坐", "乘着");
    static final int LONGEST_CHINESE = 3;

    private Verbs() {}

    private static void en(Action action, String... forms) {
        for (String f : forms) ENGLISH.put(f, action);
    }

    private static void zh(Action action, String... terms) {
        for (String t : terms) CHINESE.put(t, action);
    }

    static {
        en(Action.WALK, "walk", "walks", "walking", "walked", "stroll", "strolls", "strolling", "wander", "wanders", "wandering",
                "trot", "trots", "trotting", "march", "marches", "marching", "roam", "roams", "roaming", "strut", "struts", "strutting");
        en(Action.RUN, "run", "runs", "running", "ran", "race", "races", "racing", "gallop", "gallops", "galloping", "sprint",
                "sprints", "sprinting", "dash", "dashes", "dashing", "chase", "chases", "chasing", "jog", "jogs", "jogging");
        en(Action.FLY, "fly", "flies", "flying", "flew", "soar", "soars", "soaring", "glide", "glides", "gliding", "flutter",
                "flutters", "fluttering", "flap", "flaps", "flapping", "hover", "hovers", "hovering");
        en(Action.DRIVE, "drive", "drives", "driving", "drove", "ride", "rides", "riding", "rode", "cruise", "cruises",
                "cruising", "speeds", "speeding", "roll", "rolls", "rolling");
        en(Action.SWIM, "swim", "swims", "swimming", "swam", "sail", "sails", "sailing", "paddle", "paddles", "paddling",
                "dive", "dives", "diving");
        en(Action.EAT, "eat", "eats", "eating", "ate", "munch", "munches", "munching", "chew", "chews", "chewing", "graze",
                "grazes", "grazing", "nibble", "nibbles", "nibbling", "feed", "feeds", "feeding", "drink", "drinks", "drinking");
        en(Action.JUMP, "jump", "jumps", "jumping", "jumped", "hop", "hops", "hopping", "leap", "leaps", "leaping", "bounce",
                "bounces", "bouncing", "skip", "skips", "skipping");
        zh(Action.WALK, "走", "走路", "散步", "行走", "漫步", "踱步", "闲逛");
        zh(Action.RUN, "跑", "奔跑", "跑步", "飞奔", "奔驰", "追逐", "狂奔");
        zh(Action.FLY, "飞", "飞翔", "飞行", "翱翔", "滑翔", "飞舞");
        zh(Action.DRIVE, "开车", "行驶", "骑行", "兜风", "驶过");
        zh(Action.SWIM, "游", "游泳", "游动", "航行", "划船", "潜水");
        zh(Action.EAT, "吃", "啃", "进食", "吃草", "觅食", "喝");
        zh(Action.JUMP, "跳", "跳跃", "蹦", "蹦跳", "跳起");
    }
}
