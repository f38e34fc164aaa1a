// libFuzzer target: case files, as one document and as JSON Lines (judging/case_files).
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_input.hpp"
#include "judging/case_files.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = algojudge::fuzz::as_text(data, size);
    for (const bool jsonl : {false, true}) {
        try {
            algojudge::parse_case_text(text, "fuzz.json", jsonl);
        } catch (const algojudge::error&) {
        }
    }
    return 0;
}
