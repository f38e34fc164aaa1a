// libFuzzer target: the AP JSON file readers (formats/ap_json*): the block reader, with small
// blocks so entries straddle them, and the whole-document reader. The block reader may decline
// but never accept what the whole reader refuses, nor read other entries.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "formats/ap_json.hpp"
#include "fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace algojudge;
    const auto file = fuzz::write_input(fuzz::scratch() / "ap.json", fuzz::as_text(data, size));
    std::optional<ap_input> blocks;
    try {
        blocks = read_ap_json_in_blocks(file, 64);
    } catch (const error&) {
    }
    try {
        const ap_input whole = read_ap_json_whole(file);
        if (blocks && (blocks->set.ground_truth.size() != whole.set.ground_truth.size() ||
                       blocks->set.detections.size() != whole.set.detections.size())) {
            std::abort();  // the two readers disagree
        }
    } catch (const error&) {
        if (blocks) std::abort();  // the block reader took what is not valid
    }
    return 0;
}
