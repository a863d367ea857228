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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words the renderer understands, in English and Chinese. English entries are phrases of lower-case
 * words (hyphens and punctuation count as spaces, so "push-in" is "push in"); Chinese entries are matched
 * as written anywhere in the text. A word may carry several meanings ("rain" is a look and a sound).
 * docs/renderer.md lists the same vocabulary for users.
 */
final class Vocabulary {
    /** English phrase (space-separated words) to meanings. */
    static final Map<String, List<Meaning>> ENGLISH = new HashMap<>();
    /** Chinese term to meanings. */
    static final Map<String, List<Meaning>> CHINESE = new HashMap<>();

    private Vocabulary() {}

    private static void en(Meaning meaning, String... phrases) {
        for (String p : phrases) ENGLISH.merge(p, List.of(meaning), Vocabulary::concat);
    }

    private static void zh(Meaning meaning, String... terms) {
        for (String t : terms) CHINESE.merge(t, List.of(meaning), Vocabulary::concat);
    }

    /**
     * A living-picture phrase ("leaves swaying") that keeps what its words mean (scene, sound, look) except the
     * camera sway that "swaying" or "drifting" alone would ask for: here it is the picture that moves.
     */
    private static void living(Life life, String... phrases) {
        for (String p : phrases) {
            java.util.List<Meaning> meanings = new java.util.ArrayList<>(List.of(life));
            for (String word : p.split(" ")) {
                for (Meaning m : ENGLISH.getOrDefault(word, List.of())) if (m != MoveKind.ORBIT && !meanings.contains(m)) meanings.add(m);
            }
            ENGLISH.merge(p, List.copyOf(meanings), Vocabulary::concat);
        }
    }

    private static List<Meaning> concat(List<Meaning> a, List<Meaning> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    static {
        // camera moves
        en(MoveKind.PUSH_IN, "push in", "pushes in", "pushing in", "push", "zoom in", "zooms in", "zooming in", "zoom",
                "move closer", "moves closer", "moving closer", "closer", "close in", "closes in", "push forward");
        en(MoveKind.PULL_OUT, "pull out", "pulls out", "pulling out", "pull back", "pulls back", "pulling back", "zoom out",
                "zooms out", "zooming out", "move away", "moves away", "moving away", "back away", "backs away");
        en(MoveKind.PAN_LEFT, "pan left", "pans left", "panning left", "pan to the left", "pans to the left", "move left",
                "moves left", "track left", "tracks left", "truck left", "trucks left", "slide left", "slides left");
        en(MoveKind.PAN_RIGHT, "pan right", "pans right", "panning right", "pan to the right", "pans to the right", "move right",
                "moves right", "track right", "tracks right", "truck right", "trucks right", "slide right", "slides right");
        en(MoveKind.TILT_UP, "tilt up", "tilts up", "tilting up", "crane up", "cranes up", "pedestal up", "look up", "looks up",
                "move up", "moves up");
        en(MoveKind.TILT_DOWN, "tilt down", "tilts down", "tilting down", "crane down", "cranes down", "pedestal down",
                "look down", "looks down", "move down", "moves down");
        en(MoveKind.ORBIT, "orbit", "orbits", "orbiting", "arc", "arcs", "arc shot", "circle around", "circles around",
                "drift", "drifts", "drifting", "sway", "sways", "swaying", "float", "floats", "floating", "parallax", "handheld");
        en(MoveKind.DOLLY_IN, "dolly", "dolly in", "dollies in", "dolly forward", "dolly shot", "track in", "tracks in",
                "tracking shot", "fly through", "flythrough", "fly in");
        en(MoveKind.DOLLY_OUT, "dolly out", "dollies out", "dolly back", "dollies back", "track out", "tracks out", "fly out");
        en(MoveKind.STATIC, "static", "static shot", "static camera", "still camera", "locked off", "locked shot", "tripod",
                "fixed camera", "no camera movement", "no camera motion", "camera holds still");
        zh(MoveKind.PUSH_IN, "推近", "推进", "拉近", "放大", "靠近", "推镜", "变焦推");
        zh(MoveKind.PULL_OUT, "拉远", "拉开", "缩小", "后退", "拉镜", "远离");
        zh(MoveKind.PAN_LEFT, "左移", "向左", "左摇", "往左", "左平移", "左移动");
        zh(MoveKind.PAN_RIGHT, "右移", "向右", "右摇", "往右", "右平移", "右移动");
        zh(MoveKind.TILT_UP, "上摇", "向上", "上移", "往上", "仰拍");
        zh(MoveKind.TILT_DOWN, "下摇", "向下", "下移", "往下", "俯拍");
        zh(MoveKind.ORBIT, "环绕", "绕", "盘旋", "漂移", "摇曳", "晃动", "漂浮", "手持");
        zh(MoveKind.DOLLY_IN, "推轨", "移动推进", "跟拍", "穿越");
        zh(MoveKind.DOLLY_OUT, "拉轨", "移动拉远");
        zh(MoveKind.STATIC, "静止", "固定镜头", "镜头不动", "定镜", "固定机位");

        // pace
        en(Pace.VERY_SLOW, "very slow", "very slowly", "barely", "imperceptibly");
        en(Pace.SLOW, "slow", "slowly", "leisurely", "unhurried", "calm", "calmly");
        en(Pace.GENTLE, "gentle", "gently", "subtle", "subtly", "soft", "softly", "smooth", "smoothly", "slight", "slightly");
        en(Pace.FAST, "fast", "quick", "quickly", "rapid", "rapidly", "swift", "swiftly", "speedy", "energetic");
        en(Pace.DRAMATIC, "dramatic", "dramatically", "epic", "intense", "sweeping", "bold", "boldly", "extreme");
        zh(Pace.VERY_SLOW, "非常缓慢", "极慢");
        zh(Pace.SLOW, "缓慢", "慢慢", "缓缓", "慢");
        zh(Pace.GENTLE, "轻轻", "轻微", "柔和", "轻柔", "微微");
        zh(Pace.FAST, "快速", "迅速", "急速", "很快", "加快", "飞快");
        zh(Pace.DRAMATIC, "剧烈", "戏剧性", "强烈", "震撼", "史诗");

        // looks
        en(Look.GOLDEN_HOUR, "golden hour", "golden light", "golden", "warm light", "magic hour", "sunrise", "dawn", "sunlit");
        en(Look.SUNSET, "sunset", "sunsets", "dusk", "sundown", "twilight", "evening");
        en(Look.NIGHT, "night", "nighttime", "night time", "midnight", "moonlight", "moonlit", "at night");
        en(Look.FOG, "fog", "foggy", "mist", "misty", "haze", "hazy", "smoke", "smoky");
        en(Look.RAIN, "rain", "rainy", "raining", "rainfall", "drizzle", "downpour", "storm", "stormy", "thunderstorm");
        en(Look.SNOW, "snow", "snowy", "snowing", "snowfall", "snowflakes", "blizzard", "winter");
        en(Look.NEON, "neon", "cyberpunk", "synthwave", "vaporwave", "neon lights");
        en(Look.BLACK_AND_WHITE, "black and white", "b w", "monochrome", "grayscale", "greyscale", "noir", "film noir");
        en(Look.CINEMATIC, "cinematic", "film", "movie", "widescreen", "letterbox", "letterboxed", "anamorphic", "filmic");
        en(Look.FLICKER, "flicker", "flickers", "flickering", "candle", "candles", "candlelight", "candlelit", "strobe", "flashing");
        zh(Look.GOLDEN_HOUR, "黄金时刻", "黄金时段", "金色", "暖光", "日出", "清晨", "黎明", "晨光");
        zh(Look.SUNSET, "日落", "夕阳", "黄昏", "晚霞", "傍晚");
        zh(Look.NIGHT, "夜晚", "夜景", "夜间", "夜色", "深夜", "月光", "夜");
        zh(Look.FOG, "雾", "薄雾", "雾气", "烟雾", "朦胧");
        zh(Look.RAIN, "下雨", "雨天", "暴雨", "细雨", "雨");
        zh(Look.SNOW, "下雪", "雪花", "暴风雪", "雪", "冬天");
        zh(Look.NEON, "霓虹", "赛博朋克");
        zh(Look.BLACK_AND_WHITE, "黑白", "单色", "灰度");
        zh(Look.CINEMATIC, "电影感", "电影", "宽银幕", "胶片");
        zh(Look.FLICKER, "闪烁", "烛光", "蜡烛", "频闪");

        // scenes for text-to-video
        en(SceneKind.SEA, "sea", "seas", "ocean", "oceans", "wave", "waves", "beach", "shore", "surf", "coast", "seaside",
                "lake", "harbor", "harbour", "sailing", "lighthouse");
        en(SceneKind.SKY, "sky", "skies", "cloud", "clouds", "cloudy", "cloudscape", "heaven", "aerial");
        en(SceneKind.CITY, "city", "cities", "street", "streets", "skyline", "downtown", "town", "traffic", "buildings",
                "skyscraper", "skyscrapers", "metropolis", "urban", "tokyo", "new york");
        en(SceneKind.FOREST, "forest", "forests", "woods", "woodland", "tree", "trees", "jungle", "grove", "pine", "pines");
        en(SceneKind.FIRE, "fire", "fires", "flame", "flames", "campfire", "bonfire", "burning", "fireplace", "blaze", "embers");
        en(SceneKind.SPACE, "space", "outer space", "stars", "starry", "galaxy", "galaxies", "nebula", "cosmos",
                "universe", "planet", "planets", "milky way", "astronaut", "starfield");
        en(SceneKind.ABSTRACT, "abstract", "shapes", "geometric", "kaleidoscope");
        zh(SceneKind.SEA, "大海", "海洋", "海浪", "海边", "沙滩", "海滩", "海岸", "海面", "海上", "海水", "湖", "灯塔");
        zh(SceneKind.SKY, "天空", "云朵", "白云", "云海", "乌云", "多云", "云层", "蓝天");
        zh(SceneKind.CITY, "城市", "街道", "都市", "高楼", "街头", "市中心", "街");
        zh(SceneKind.FOREST, "森林", "树林", "丛林", "树木", "树");
        zh(SceneKind.FIRE, "火焰", "篝火", "燃烧", "火光", "壁炉", "火堆", "大火", "着火");
        zh(SceneKind.SPACE, "宇宙", "太空", "星空", "星星", "银河", "星云", "星系", "行星");
        zh(SceneKind.ABSTRACT, "抽象", "几何");

        // sounds (scene words imply their sound too; see PromptReader)
        en(Ambience.WAVES, "waves", "surf", "ocean", "sea", "beach", "shore");
        en(Ambience.WIND, "wind", "windy", "breeze", "breezy", "gust", "gusts", "desert", "mountain", "mountains", "blizzard");
        en(Ambience.RAIN, "rain", "rainy", "raining", "drizzle", "downpour", "storm", "thunderstorm");
        en(Ambience.FIRE, "fire", "campfire", "bonfire", "crackling", "fireplace", "flames");
        en(Ambience.CITY, "city", "street", "traffic", "crowd", "cars", "downtown", "urban");
        en(Ambience.BIRDS, "bird", "birds", "birdsong", "songbird", "songbirds", "chirping", "forest", "garden", "spring");
        en(Ambience.MUSIC, "music", "musical", "song", "melody", "piano", "concert", "dance", "dancing", "soundtrack", "ambient");
        zh(Ambience.WAVES, "海浪", "海浪声", "大海", "海边", "沙滩", "海滩", "海洋");
        zh(Ambience.WIND, "风声", "刮风", "微风", "大风", "狂风", "寒风", "风吹", "沙漠", "山");
        zh(Ambience.RAIN, "雨", "雨声");
        zh(Ambience.FIRE, "篝火", "噼啪", "火焰", "壁炉", "火堆");
        zh(Ambience.CITY, "城市", "街道", "交通", "人群");
        zh(Ambience.BIRDS, "鸟", "鸟鸣", "鸟叫", "森林");
        zh(Ambience.MUSIC, "音乐", "歌", "旋律", "钢琴", "配乐");

        // structure
        en(Connector.THEN, "then", "and then", "followed by", "after that", "afterwards", "finally");
        en(Connector.TOGETHER, "and", "while", "as", "with", "plus");
        en(Connector.NOT, "no", "not", "without", "never");
        en(Connector.SILENCE, "silent", "silence", "no sound", "no audio", "mute", "muted", "without sound", "soundless");
        zh(Connector.THEN, "然后", "接着", "随后", "之后", "再");
        zh(Connector.TOGETHER, "同时", "一边", "并且", "和");
        zh(Connector.NOT, "没有", "不要", "无");
        zh(Connector.SILENCE, "无声", "静音", "没有声音", "安静无声");

        // colours and times of day
        en(Tint.RED, "red", "crimson", "scarlet", "ruby");
        en(Tint.ORANGE, "orange", "amber", "copper");
        en(Tint.GOLD, "gold", "gilded");
        en(Tint.YELLOW, "yellow", "lemon");
        en(Tint.GREEN, "green", "emerald", "jade", "lime");
        en(Tint.TEAL, "teal", "cyan", "turquoise", "aqua");
        en(Tint.BLUE, "blue", "azure", "navy", "sapphire", "cobalt");
        en(Tint.PURPLE, "purple", "violet", "lavender", "indigo", "magenta");
        en(Tint.PINK, "pink", "rose", "fuchsia");
        zh(Tint.RED, "红");
        zh(Tint.ORANGE, "橙", "橘");
        zh(Tint.GOLD, "金");
        zh(Tint.YELLOW, "黄");
        zh(Tint.GREEN, "绿");
        zh(Tint.TEAL, "青");
        zh(Tint.BLUE, "蓝");
        zh(Tint.PURPLE, "紫");
        zh(Tint.PINK, "粉");
        en(TimeOfDay.DAWN, "dawn", "sunrise", "daybreak", "early morning");
        en(TimeOfDay.DAY, "day", "daytime", "sunny", "noon", "midday", "afternoon", "bright", "morning");
        en(TimeOfDay.GOLDEN, "golden hour", "magic hour", "golden light");
        en(TimeOfDay.SUNSET, "sunset", "dusk", "sundown", "twilight", "evening");
        en(TimeOfDay.NIGHT, "night", "nighttime", "midnight", "moonlight", "moonlit", "dark");
        zh(TimeOfDay.DAWN, "日出", "黎明", "清晨");
        zh(TimeOfDay.DAY, "白天", "晴天", "中午", "阳光", "早上");
        zh(TimeOfDay.GOLDEN, "黄金时刻", "黄金时段");
        zh(TimeOfDay.SUNSET, "日落", "夕阳", "黄昏", "傍晚");
        zh(TimeOfDay.NIGHT, "夜晚", "夜景", "深夜", "月光", "夜");

        // living pictures: what moves inside a reference picture (engine/builtin/living); last, as phrases keep their words' meanings
        en(Life.WAVES, "wave", "waves", "lapping", "swell", "swells", "breakers", "tide");
        en(Life.RIPPLES, "ripple", "ripples", "rippling", "water", "lake", "pond", "river", "stream", "reflection", "reflections");
        en(Life.SWAY, "leaves", "foliage", "grass", "branches", "rustling", "rustle", "rustles");
        en(Life.CLOUDS, "cloud", "clouds");
        en(Life.FLICKER, "flicker", "flickers", "flickering", "candle", "candles", "candlelight", "candlelit", "flame", "flames",
                "fire", "campfire", "fireplace", "lantern", "lanterns", "twinkling", "glowing", "glow");
        en(Life.RISING, "steam", "steaming", "steamy", "smoke", "smoking", "vapor", "vapour");
        // only a phrase that asks for a still picture: "still" alone also describes ("a still lake with waves lapping")
        en(Life.STILL, "still picture", "still image", "still photo", "still frame", "still scene", "static shot", "static image",
                "static picture", "freeze frame", "frozen frame", "frozen in time", "no motion", "no movement", "nothing moves");
        living(Life.SWAY, "leaves swaying", "leaves sway", "swaying leaves", "trees swaying", "trees sway", "swaying trees",
                "grass swaying", "grass sways", "branches swaying", "branches sway", "swaying grass");
        living(Life.CLOUDS, "clouds drifting", "clouds drift", "drifting clouds", "clouds floating", "floating clouds");
        living(Life.RISING, "steam rising", "rising steam", "smoke rising", "rising smoke", "mist rising", "rising mist", "smoke drifting");
        living(Life.STILL, "static scene");
        en(Look.SNOW, "snow falling", "falling snow", "snow falls");
        zh(Life.WAVES, "海浪", "波浪", "浪花", "浪", "海浪拍岸");
        zh(Life.RIPPLES, "涟漪", "水", "水面", "湖", "湖面", "河", "波光", "倒影");
        zh(Life.SWAY, "树叶摇曳", "摇曳", "树叶", "叶子", "草", "草地", "树枝", "随风摇摆");
        zh(Life.CLOUDS, "云", "云朵", "云朵飘", "云飘", "白云", "云层", "浮云", "云海", "乌云");
        zh(SceneKind.SKY, "云朵飘", "云飘", "浮云");
        zh(Life.FLICKER, "闪烁", "烛光", "蜡烛", "火焰", "篝火", "火光", "灯光", "灯笼");
        zh(Life.RISING, "蒸汽", "热气", "烟", "冒烟", "炊烟", "水汽", "雾气升腾");
        zh(Life.STILL, "画面静止", "静止画面", "定格");
    }

    /** The longest English phrase in words, and Chinese term in characters. */
    static final int LONGEST_ENGLISH = ENGLISH.keySet().stream().mapToInt(p -> p.split(" ").length).max().orElse(1);
    static final int LONGEST_CHINESE = CHINESE.keySet().stream().mapToInt(String::length).max().orElse(1);
}
