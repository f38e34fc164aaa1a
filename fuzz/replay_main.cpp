// Without libFuzzer: runs one fuzz target's entry point on seed files and on seeded mutations
// of them, so that every build with tests (the plain one and the ASan+UBSan one in CI)
// exercises each reader's harness as ctest tests. Not coverage-guided: scripts/fuzz.sh is the
// real fuzzer; this is its cheap, repeatable smoke run (docs/reliability.md).
//   fuzz_replay_<reader> MUTATIONS SEED_FILE...
// Each seed runs as it is, then MUTATIONS times mutated: bytes flipped, set to a structural
// character or NUL, inserted, deleted, a run duplicated, the tail cut off, or spliced with
// another seed. The mutations come from support/random.hpp seeded by the seed's index, so a
// run is the same on every machine. A crash, a sanitizer report or an exception other than
// algojudge::error (which the harness catches) is a finding; running the same command again
// reproduces it.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "support/random.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

constexpr char structural[] = "{}[]\",:0-9.eE\\ \n\t\xff";

void mutate(std::string& text, const std::string& other, algojudge::prng& random) {
    const std::size_t edits = 1 + random.below(4);
    for (std::size_t e = 0; e < edits; ++e) {
        const std::size_t at = text.empty() ? 0 : random.below(text.size());
        switch (random.below(7)) {
            case 0:
                if (!text.empty()) text[at] = static_cast<char>(text[at] ^ (1 << random.below(8)));
                break;
            case 1:
                if (!text.empty()) text[at] = structural[random.below(sizeof structural - 1)];
                break;
            case 2:
                text.insert(at, 1,
                            random.chance(0.2) ? '\0' : static_cast<char>(random.below(256)));
                break;
            case 3:
                if (!text.empty()) text.erase(at, 1 + random.below(8));
                break;
            case 4: {
                const std::size_t length =
                    random.below(std::min<std::size_t>(text.size() - at, 64) + 1);
                text.insert(at, text.substr(at, length));
                break;
            }
            case 5:
                text.resize(at);
                break;
            default:
                if (!other.empty()) {
                    const std::size_t from = random.below(other.size());
                    text = text.substr(0, at) + other.substr(from);
                }
                break;
        }
    }
}

void run(const std::string& text) {
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s MUTATIONS SEED_FILE...\n", argv[0]);
        return 2;
    }
    const long mutations = std::strtol(argv[1], nullptr, 10);
    std::vector<std::string> seeds;
    for (int i = 2; i < argc; ++i) {
        std::ifstream file(argv[i], std::ios::binary);
        if (!file) {
            std::fprintf(stderr, "%s: cannot read\n", argv[i]);
            return 2;
        }
        seeds.emplace_back(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
    }
    std::size_t inputs = 0;
    for (std::size_t s = 0; s < seeds.size(); ++s) {
        run(seeds[s]);
        ++inputs;
        algojudge::prng random(s + 1);
        const std::string& other = seeds[(s + 1) % seeds.size()];
        for (long m = 0; m < mutations; ++m) {
            std::string text = seeds[s];
            mutate(text, other, random);
            run(text);
            ++inputs;
        }
    }
    std::printf("%zu inputs from %zu seeds, no finding\n", inputs, seeds.size());
    return 0;
}
