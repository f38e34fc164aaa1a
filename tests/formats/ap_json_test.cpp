#include "formats/ap_json.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <fstream>
#include <future>
#include <random>
#include <string>
#include "algorithms/average_precision.hpp"
#include "formats/ap_json.hpp"
#include "formats/text_folders.hpp"
#include "judging/case_files.hpp"
#include "problems/average_precision.hpp"
#include "problems/average_precision_generator.hpp"
#include "support/files.hpp"
#include "tests/average_precision_fixtures.hpp"
#include "tests/scratch_dir.hpp"

using namespace algojudge;
using namespace algojudge::testing;
namespace fs = std::filesystem;

TEST_CASE("fast JSON reader: errors name the file and the JSON path") {
    auto error_of = [](const std::string& name, const std::string& text) {
        const std::string file = write_temp(name, text);
        try {
            load_ap_json_file(file);
        } catch (const input_error& e) {
            std::string message = e.what();
            CHECK(message.rfind(file + ": ", 0) == 0);
            return message.substr(file.size() + 2);
        }
        return std::string("no error");
    };
    const std::string gt = R"({"image":"a","class":"dog","bbox":[0,0,1,1],"difficult":true})";
    CHECK(error_of("ok.json", R"({"iou_threshold":0.5,"ground_truth":[)" + gt +
                                  R"(],"detections":[]})") == "no error");
    CHECK(error_of("x.json",
                   R"({"ground_truth":[)" + gt + "," +
                       R"({"image":"a","class":"dog","bbox":[4,0,1,1]}],"detections":[]})") ==
          "ground_truth[1].bbox: x2 (1) is less than x1 (4)");
    CHECK(
        error_of(
            "score.json",
            R"({"ground_truth":[],"detections":[{"image":"a","class":"c","score":"x","bbox":[0,0,1,1]}]})") ==
        "detections[0].score: expected a number, got a string");
    CHECK(error_of(
              "missing.json",
              R"({"ground_truth":[],"detections":[{"image":"a","class":"c","bbox":[0,0,1,1]}]})") ==
          "detections[0]: missing field \"score\"");
    CHECK(error_of(
              "unknown.json",
              R"({"ground_truth":[{"image":"a","class":"c","box":[0,0,1,1]}],"detections":[]})") ==
          "ground_truth[0].box: unknown field");
    CHECK(error_of("nodet.json", R"({"ground_truth":[]})") == "missing field \"detections\"");
    CHECK(
        error_of(
            "big.json",
            R"({"ground_truth":[{"image":"a","class":"c","bbox":[0,0,1e999,1]}],"detections":[]})")
            .rfind("ground_truth[0].bbox[2]: ", 0) == 0);
    CHECK(error_of("broken.json", R"({"ground_truth":[{"image":"a",)").rfind("malformed JSON", 0) ==
          0);
    CHECK(std::string(error_of(
              "bbox.json",
              R"({"ground_truth":[{"image":"a","class":"c","bbox":[0,0,1]}],"detections":[]})")) ==
          "ground_truth[0].bbox: expected [x1, y1, x2, y2], got 3 numbers");
    try {
        load_ap_json_file("/nonexistent/file.json");
        FAIL("no error");
    } catch (const input_error& e) {
        CHECK(std::string(e.what()).find("/nonexistent/file.json") == 0);
    }
}

namespace {

// "" when two parsed inputs are the same, else the first difference. Names are compared, not
// ids: the nlohmann reader interns ground truth first, the others in the file's order.
std::string input_difference(const ap_input& a, const ap_input& b) {
    auto sorted = [](std::vector<std::string> names) {
        std::sort(names.begin(), names.end());
        return names;
    };
    if (sorted(a.set.images) != sorted(b.set.images)) return "images";
    if (sorted(a.set.classes) != sorted(b.set.classes)) return "classes";
    auto image = [](const ap_input& in, std::uint32_t id) { return in.set.images.at(id); };
    auto label = [](const ap_input& in, std::uint32_t id) { return in.set.classes.at(id); };
    const ap_conventions &x = a.conventions, &y = b.conventions;
    if (x.iou_threshold != y.iou_threshold || x.pixel_plus_one != y.pixel_plus_one ||
        x.strict_greater != y.strict_greater || x.numpy_thresholds != y.numpy_thresholds) {
        return "conventions";
    }
    auto same_box = [](const box& p, const box& q) {
        return p.x1 == q.x1 && p.y1 == q.y1 && p.x2 == q.x2 && p.y2 == q.y2;
    };
    if (a.set.ground_truth.size() != b.set.ground_truth.size()) return "ground truth count";
    for (std::size_t i = 0; i < a.set.ground_truth.size(); ++i) {
        const ground_truth_box &p = a.set.ground_truth[i], &q = b.set.ground_truth[i];
        if (image(a, p.image) != image(b, q.image) ||
            label(a, p.class_id) != label(b, q.class_id) || !same_box(p.bbox, q.bbox) ||
            p.difficult != q.difficult) {
            return fmt::format("ground_truth[{}]", i);
        }
    }
    if (a.set.detections.size() != b.set.detections.size()) return "detection count";
    for (std::size_t i = 0; i < a.set.detections.size(); ++i) {
        const detection &p = a.set.detections[i], &q = b.set.detections[i];
        if (image(a, p.image) != image(b, q.image) ||
            label(a, p.class_id) != label(b, q.class_id) || p.score != q.score ||
            !same_box(p.bbox, q.bbox)) {
            return fmt::format("detections[{}]", i);
        }
    }
    return "";
}

// Random inputs in the problem's JSON, laid out in every way JSON allows: key order,
// whitespace, number forms, optional members. Names come from a pool whose JSON text holds the
// characters a block cut looks for ("}," "]") inside strings, escapes and long names.
class json_layout_maker {
  public:
    explicit json_layout_maker(std::uint32_t seed, bool tricky_names)
        : random_(seed), tricky_(tricky_names) {}

    std::string document() {
        std::vector<std::string> fields = {member("ground_truth", entries(true)),
                                           member("detections", entries(false))};
        if (chance(0.5)) fields.push_back(member("iou_threshold", pick({"0.5", "0.25", "1", "0"})));
        if (chance(0.3)) fields.push_back(member("pixel_plus_one", pick({"true", "false"})));
        if (chance(0.3)) fields.push_back(member("numpy_thresholds", pick({"true", "false"})));
        std::shuffle(fields.begin(), fields.end(), random_);
        return space() + "{" + joined(fields) + "}" + space();
    }

  private:
    bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(random_) < p; }
    std::string pick(std::initializer_list<const char*> options) {
        const auto i = std::uniform_int_distribution<std::size_t>(0, options.size() - 1)(random_);
        return options.begin()[i];
    }
    std::string space() { return pick({"", "", " ", "\n", "\t", " \r\n  "}); }
    std::string member(const std::string& key, const std::string& value) {
        return space() + "\"" + key + "\"" + space() + ":" + space() + value + space();
    }
    std::string joined(const std::vector<std::string>& items) {
        std::string out;
        for (std::size_t i = 0; i < items.size(); ++i)
            out += (i == 0 ? "" : ",") + items[i];
        return out;
    }
    std::string name() {
        if (tricky_) {
            return pick({R"("a},b")", R"("x]")", R"("}],{")", R"("q\"},{\"image\":\"z")",
                         R"("\u00e9t\u00e9")", R"("caf\u00e9}")", R"("a\\")",
                         R"("a name longer than sixteen bytes, with }, inside")", R"("img1")",
                         R"("dog")", R"("")"});
        }
        return pick({R"("img1")", R"("img2")", R"("img3")", R"("dog")", R"("cat")",
                     R"("a-much-longer-image-name-0001.jpg")"});
    }
    std::string number(double value) {
        switch (std::uniform_int_distribution<int>(0, 3)(random_)) {
            case 0:
                return fmt::format("{}", value);
            case 1:
                return fmt::format("{:.3f}", value);
            case 2:
                return fmt::format("{:e}", value);
            default:
                return fmt::format("{}", std::round(value));
        }
    }
    std::string bbox() {
        // Rounded through the text so that x1 <= x2 holds for what the readers see.
        std::array<std::string, 4> corners;
        const double x = std::uniform_real_distribution<double>(0, 100)(random_);
        const double y = std::uniform_real_distribution<double>(0, 100)(random_);
        corners[0] = fmt::format("{:.2f}", x);
        corners[1] = fmt::format("{:.2f}", y);
        corners[2] = number(std::ceil(x) + std::uniform_real_distribution<double>(1, 50)(random_));
        corners[3] = number(std::ceil(y) + std::uniform_real_distribution<double>(1, 50)(random_));
        std::string out = "[";
        for (std::size_t i = 0; i < 4; ++i) {
            if (i > 0) out += ',';
            out += space();
            out += corners[i];
            out += space();
        }
        return out + "]";
    }
    std::string entries(bool ground_truth) {
        const int count = std::uniform_int_distribution<int>(0, 12)(random_);
        std::vector<std::string> items;
        for (int i = 0; i < count; ++i) {
            std::vector<std::string> fields = {member("image", name()), member("class", name()),
                                               member("bbox", bbox())};
            if (!ground_truth) {
                fields.push_back(
                    member("score", number(std::uniform_real_distribution<double>(0, 1)(random_))));
            } else if (chance(0.7)) {
                fields.push_back(member("difficult", pick({"true", "false", "null"})));
            }
            std::shuffle(fields.begin(), fields.end(), random_);
            items.push_back(space() + "{" + joined(fields) + "}" + space());
        }
        return "[" + space() + joined(items) + space() + "]";
    }

    std::mt19937 random_;
    bool tricky_;
};

// Reads `file` in blocks of several sizes, counting reads and refusals; every read must give
// `expected` (null: the file is invalid, so no read may succeed).
void read_in_all_block_sizes(const std::string& file, const ap_input* expected, std::size_t& read,
                             std::size_t& refused) {
    for (std::size_t block_size : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{7},
                                   std::size_t{16}, std::size_t{61}, ap_json_block_size}) {
        CAPTURE(block_size);
        const std::optional<ap_input> blocks = read_ap_json_in_blocks(file, block_size);
        if (!blocks) {
            ++refused;
            continue;
        }
        ++read;
        REQUIRE(expected != nullptr);
        CHECK(input_difference(*blocks, *expected) == "");
    }
}

}  // namespace

TEST_CASE("fast JSON reader: in blocks of any size, files read as nlohmann reads them") {
    // Plain names: every layout is read in blocks, never handed to the whole-document reader.
    // Block size 1 makes every entry outgrow the buffer; the default block takes an array's
    // end inside one run. Tricky names: a cut may land inside one; the run is then refused and
    // the file read whole. Whatever a reader returns must be what the nlohmann reader reads.
    for (const bool tricky : {false, true}) {
        CAPTURE(tricky);
        std::size_t read_in_blocks = 0, handed_back = 0;
        for (std::uint32_t seed = 1; seed <= 150; ++seed) {
            CAPTURE(seed);
            const std::string text = json_layout_maker(seed, tricky).document();
            CAPTURE(text);
            const std::string file = write_temp("layout.json", text);
            const ap_input reference = read_ap_json_value(json::parse(text));
            CHECK(input_difference(read_ap_json_whole(file), reference) == "");
            CHECK(input_difference(load_ap_json_file(file), reference) == "");
            read_in_all_block_sizes(file, &reference, read_in_blocks, handed_back);
        }
        if (tricky) {
            CHECK(read_in_blocks > 100);  // both paths taken
            CHECK(handed_back > 10);
        } else {
            CHECK(handed_back == 0);
        }
    }
}

TEST_CASE("fast JSON reader: damaged files are never taken by the block reader") {
    // One to three random edits (delete, insert, overwrite with JSON punctuation or letters,
    // truncate) per file. When the block reader returns a result, the whole-document reader
    // must accept the file too and read the same; errors always come from the latter.
    std::mt19937 random(2026);
    std::size_t accepted = 0, refused = 0;
    const std::string alphabet = "{}[],:\"\\ 0123456789.-eEtrufalsn\n";
    for (std::uint32_t seed = 1; seed <= 300; ++seed) {
        std::string text = json_layout_maker(seed, seed % 2 == 0).document();
        const int edits = std::uniform_int_distribution<int>(1, 3)(random);
        for (int e = 0; e < edits && !text.empty(); ++e) {
            const std::size_t at =
                std::uniform_int_distribution<std::size_t>(0, text.size() - 1)(random);
            const char c = alphabet[std::uniform_int_distribution<std::size_t>(
                0, alphabet.size() - 1)(random)];
            switch (std::uniform_int_distribution<int>(0, 3)(random)) {
                case 0:
                    text.erase(at, 1);
                    break;
                case 1:
                    text.insert(at, 1, c);
                    break;
                case 2:
                    text[at] = c;
                    break;
                default:
                    text.resize(at);
                    break;
            }
        }
        CAPTURE(seed);
        CAPTURE(text);
        const std::string file = write_temp("damaged.json", text);
        std::optional<ap_input> whole;
        std::string whole_error;
        try {
            whole = read_ap_json_whole(file);
        } catch (const input_error& e) {
            whole_error = e.what();
        }
        read_in_all_block_sizes(file, whole ? &*whole : nullptr, accepted, refused);
        // And load_ap_json_file reports exactly the whole-document reader's error.
        if (!whole) {
            try {
                load_ap_json_file(file);
                FAIL("no error");
            } catch (const input_error& e) {
                CHECK(std::string(e.what()) == whole_error);
            }
        }
    }
    CHECK(accepted > 100);
    CHECK(refused > 500);
}

TEST_CASE(
    "fast JSON reader: a raw control character in a name is refused as nlohmann's reader does") {
    // Names are taken straight from the text on the fast path; one with a raw newline, tab or
    // ESC is invalid JSON and must not become a class or image name.
    for (const char control : {'\n', '\t', '\x01', '\x1b', '\x1f'}) {
        CAPTURE(static_cast<int>(control));
        const std::string text = std::string(R"({"ground_truth":[{"image":"a","class":"d)") +
                                 control + R"(g","bbox":[0,0,1,1]}],"detections":[]})";
        const std::string file = write_temp("control.json", text);
        std::size_t read = 0, refused = 0;
        read_in_all_block_sizes(file, nullptr, read, refused);
        CHECK(read == 0);
        const std::string expected =
            file + fmt::format(
                       ": malformed JSON at {}column 41: a control character (U+{:04X}) "
                       "in a string must be escaped",
                       control == '\n' ? "line 1, " : "", static_cast<int>(control));
        CHECK_THROWS_WITH_AS(load_ap_json_file(file), expected.c_str(), input_error);
        CHECK_THROWS_WITH_AS(read_ap_json_value(parse_json_text(text, file)), expected.c_str(),
                             input_error);
    }
}

TEST_CASE("fast JSON reader: a file over the input limit is refused before it is read") {
    scratch_dir dir;
    const fs::path file = dir.write("huge.json", R"({"ground_truth":[)");
    fs::resize_file(file, default_input_limit + 1);  // sparse: NUL bytes, no disk used
    const std::string too_big =
        file.string() + ": larger than the input limit of 1 GiB (--memory-limit)";
    // Read, it would be a NUL byte at column 18.
    CHECK_THROWS_WITH_AS(load_ap_json_file(file), too_big.c_str(), input_error);
    CHECK_THROWS_WITH_AS(read_ap_json_whole(file), too_big.c_str(), input_error);
}

TEST_CASE("fast JSON reader: a pipe is read whole, its errors reported like a file's") {
    const fs::path fifo =
        fs::temp_directory_path() / ("algojudge_ap_test_pipe_" + std::to_string(::getpid()));
    fs::remove(fifo);
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    auto read_through_pipe = [&](const std::string& text) {
        auto writer = std::async(std::launch::async, [&] { std::ofstream(fifo) << text; });
        std::string outcome;
        try {
            const ap_input input = load_ap_json_file(fifo);
            outcome = fmt::format("{} boxes, {} detections", input.set.ground_truth.size(),
                                  input.set.detections.size());
        } catch (const input_error& e) {
            outcome = e.what();
        }
        writer.get();
        return outcome;
    };
    CHECK(read_through_pipe(R"({"ground_truth":[{"image":"a","class":"c","bbox":[0,0,1,1]}],)"
                            R"("detections":[]})") == "1 boxes, 0 detections");
    CHECK(read_through_pipe(R"({"ground_truth":[{"image":"a","class":"c","bbox":[0,0,1]}],)"
                            R"("detections":[]})") ==
          fifo.string() + ": ground_truth[0].bbox: expected [x1, y1, x2, y2], got 3 numbers");
    fs::remove(fifo);
}

TEST_CASE("generator: seeded, deterministic, readable by the fast reader") {
    generator_settings settings(average_precision_generator);
    settings.set("images", "30");
    settings.set("classes", "4");
    settings.set("ground-truth", "200");
    settings.set("detections", "500");
    auto generate = [&](std::uint64_t seed) {
        prng random(seed);
        return average_precision_generator.generate(settings, random).dump();
    };
    const std::string text = generate(7);
    CHECK(text == generate(7));
    CHECK(text != generate(8));
    const json parsed = json::parse(text);
    CHECK(parsed["ground_truth"].size() == 200);
    CHECK(parsed["detections"].size() == 500);
    const ap_input fast = load_ap_json_file(write_temp("generated.json", text));
    const ap_input slow = read_ap_json_value(parsed);
    const ap_result a = evaluate_average_precision(fast.set, fast.conventions);
    const ap_result b = evaluate_average_precision(slow.set, slow.conventions);
    const json fast_json = ap_result_json(fast.set, a);
    const json slow_json = ap_result_json(slow.set, b);
    CHECK(fast_json["classes"] == slow_json["classes"]);
    // The means may differ in the last bit: with "detections" before "ground_truth" (as
    // nlohmann writes keys) the two readers number the classes in other orders, and the mean
    // sums class APs in that order.
    for (const char* mean : {"map_11point", "map_area", "map_101point"}) {
        CHECK(fast_json[mean].get<double>() ==
              doctest::Approx(slow_json[mean].get<double>()).epsilon(1e-14));
    }
    CHECK(*a.map_area > 0.0);
}

TEST_CASE("AP JSON: integer image ids are names, in every reader") {
    const std::string text =
        R"({"ground_truth":[{"image":1,"class":"dog","bbox":[0,0,1,1]},)"
        R"({"image":"1","class":"dog","bbox":[0,0,2,2]}],)"
        R"("detections":[{"image":1 ,"class":"dog","score":0.5,"bbox":[0,0,1,1]},)"
        R"({"image":-7,"class":"dog","score":0.5,"bbox":[0,0,1,1]}]})";
    const std::string file = write_temp("integer-ids.json", text);
    const ap_input fast = load_ap_json_file(file);
    const ap_input whole = read_ap_json_whole(file);
    const ap_input value = read_ap_json_value(nlohmann::json::parse(text), "input");
    for (const ap_input* input : {&fast, &whole, &value}) {
        CHECK(input->set.images == std::vector<std::string>{"1", "-7"});
        CHECK(input->set.ground_truth[1].image == 0);  // 1 and "1" are one image
    }
    const std::string bad =
        R"({"ground_truth":[{"image":1.5,"class":"dog","bbox":[0,0,1,1]}],"detections":[]})";
    const std::string bad_file = write_temp("float-id.json", bad);
    for (auto read : {load_ap_json_file, read_ap_json_whole}) {
        try {
            read(bad_file);
            FAIL("no error");
        } catch (const input_error& e) {
            CHECK(std::string(e.what()) ==
                  bad_file + ": ground_truth[0].image: expected a string or an integer, got 1.5");
        }
    }
    CHECK_THROWS_WITH_AS(read_ap_json_value(nlohmann::json::parse(bad), "input"),
                         "input.ground_truth[0].image: expected a string or an integer, got 1.5",
                         input_error);
}
