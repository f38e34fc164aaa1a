// libFuzzer target: the per-image text files (formats/text_folders), as ground truth and as
// detections, in both box layouts.
#include <cstddef>
#include <cstdint>

#include "formats/text_folders.hpp"
#include "fuzz/fuzz_input.hpp"
#include "support/errors.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace algojudge;
    const auto dir = fuzz::scratch() / "text";
    fuzz::write_input(dir / "img1.txt", fuzz::as_text(data, size));
    for (const box_layout layout : {box_layout::xyxy, box_layout::xywh}) {
        try {
            detection_builder builder;
            read_text_ground_truth(builder, dir, layout);
        } catch (const error&) {
        }
        try {
            detection_builder builder;
            read_text_detections(builder, dir, layout);
        } catch (const error&) {
        }
    }
    return 0;
}
